import { Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';

import { useAppLocale } from '../../../lib/app-locale';
import { directionOf } from '../../../lib/locale';

export interface UsagePoint {
  /** `YYYY-MM-DD`, a UTC day. */
  day: string;
  value: number | null;
}

interface UsageChartProps {
  title: string;
  points: UsagePoint[];
  /** One bar's value in words, e.g. "1,204 requests"; also its tooltip. */
  describe: (value: number | null) => string;
  summary: string;
  color?: string;
}

const BAR = 10;
const GAP = 2;
const HEIGHT = 60;

/**
 * Thirty days as small bars: plain SVG, no chart library. Each bar carries a <title> (its
 * tooltip and accessible name: the day and the value); the summary below says the gist.
 * In a right-to-left language the days run from the right, as the text does.
 */
export function UsageChart({ title, points, describe, summary, color }: UsageChartProps) {
  const { locale } = useAppLocale();
  const headingId = useId();
  const rtl = directionOf(locale) === 'rtl';
  const max = Math.max(0, ...points.map((p) => p.value ?? 0));
  const width = Math.max(1, points.length) * BAR;
  const dayFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const dayLabel = (day: string) => {
    const date = new Date(`${day}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
  };

  return (
    <Stack gap={4}>
      <Title order={3} size="h5" id={headingId}>
        {title}
      </Title>
      <svg
        aria-labelledby={headingId}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        preserveAspectRatio="none"
        width="100%"
        height={HEIGHT}
        style={{ display: 'block' }}
      >
        <line
          x1={0}
          x2={width}
          y1={HEIGHT - 0.5}
          y2={HEIGHT - 0.5}
          stroke="var(--mantine-color-gray-4)"
          strokeWidth={1}
        />
        {points.map((point, index) => {
          const slot = rtl ? points.length - 1 - index : index;
          const value = point.value ?? 0;
          const height = max > 0 ? Math.max(value > 0 ? 1 : 0, (value / max) * (HEIGHT - 2)) : 0;
          return (
            <rect
              key={point.day}
              role="img"
              x={slot * BAR + GAP / 2}
              y={HEIGHT - height}
              width={BAR - GAP}
              // An empty day still gets a hoverable sliver, so its tooltip can be read.
              height={Math.max(height, 0.01)}
              fill={color ?? 'var(--mantine-primary-color-filled)'}
            >
              <title>{`${dayLabel(point.day)}: ${describe(point.value)}`}</title>
            </rect>
          );
        })}
      </svg>
      <Text size="sm" c="dimmed">
        {summary}
      </Text>
    </Stack>
  );
}
