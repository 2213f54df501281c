import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';

import type { StudentAttendance } from '../../../../shared/contracts/attendance.js';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate } from '../../../lib/calendar-date';
import { useStudentAttendance } from '../api/get-student-attendance';
import { recentNonPresentDays } from '../attendance-summary';
import type { MarkPlace, NonPresentDay, NotPresent } from '../attendance-summary';
import { lastDays } from '../portal-dates';
import { formatNumber, formatPercent } from '../portal-format';
import { useMoreLink } from '../use-more-link';
import { usePortalT } from '../use-portal-t';
import type { PortalT } from '../use-portal-t';

import { HomeBlock, QueryContent } from './home-block';

const STATUS_COLORS: Record<NotPresent, string> = {
  absent: 'red',
  late: 'orange',
  excused: 'blue',
};

/** The home page looks back this many days, as the attendance reports do by default. */
const DAYS = 30;

interface AttendanceBlockProps {
  studentId: string;
  /** The school's today, `YYYY-MM-DD`. */
  today: string;
  order: 2 | 3;
}

/** A student's attendance rate over the last days, her counts and her latest days not present. */
export function AttendanceBlock({ studentId, today, order }: AttendanceBlockProps) {
  const pt = usePortalT();
  const { locale } = useAppLocale();
  const attendance = useStudentAttendance(studentId, lastDays(today, DAYS));
  const days = formatNumber(DAYS, locale);
  const more = useMoreLink('attendance', pt('portal.attendance.more'));
  return (
    <HomeBlock
      title={pt('portal.attendance.heading')}
      order={order}
      aside={pt('portal.attendance.range', { days })}
      more={more}
    >
      <QueryContent query={attendance}>
        {(data) => <AttendanceSummary data={data} daysText={days} order={order} />}
      </QueryContent>
    </HomeBlock>
  );
}

interface AttendanceSummaryProps {
  data: StudentAttendance;
  /** The number of days looked back, written for the reader. */
  daysText: string;
  order: 2 | 3;
}

function AttendanceSummary({ data, daysText, order }: AttendanceSummaryProps) {
  const pt = usePortalT();
  const { locale } = useAppLocale();
  const headingId = useId();
  const { summary } = data;
  if (summary.total === 0)
    return <Text size="sm">{pt('portal.attendance.noRate', { days: daysText })}</Text>;
  const recent = recentNonPresentDays(data.items, 4);
  const facts: { label: string; value: string }[] = [
    {
      label: pt('portal.attendance.rate'),
      value: summary.ratePercent === null ? '–' : formatPercent(summary.ratePercent, locale),
    },
    { label: pt('portal.attendance.absent'), value: formatNumber(summary.absent, locale) },
    { label: pt('portal.attendance.late'), value: formatNumber(summary.late, locale) },
    { label: pt('portal.attendance.excused'), value: formatNumber(summary.excused, locale) },
  ];
  return (
    <Stack gap="md">
      <SimpleGrid component="dl" cols={{ base: 2, xs: 4 }} spacing="sm" m={0}>
        {facts.map((fact, index) => (
          <div key={fact.label}>
            <Text component="dt" size="xs" c="dimmed">
              {fact.label}
            </Text>
            <Text component="dd" m={0} fw={700} fz={index === 0 ? 'xl' : 'lg'}>
              {fact.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Stack gap="xs" component="section" aria-labelledby={headingId}>
        <Title order={(order + 1) as 3 | 4} size="h5" id={headingId}>
          {pt('portal.attendance.recentHeading')}
        </Title>
        {recent.length === 0 ? (
          <Text size="sm">{pt('portal.attendance.noneRecent', { days: daysText })}</Text>
        ) : (
          <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
            {recent.map((day) => (
              <NonPresentLine key={day.date} day={day} />
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}

function placeText(pt: PortalT, place: MarkPlace): string {
  if (place.kind === 'daily') return pt('portal.attendance.daily');
  return place.periodName
    ? pt('portal.attendance.lessonPeriod', { class: place.className, period: place.periodName })
    : place.className;
}

function NonPresentLine({ day }: { day: NonPresentDay }) {
  const pt = usePortalT();
  const { locale } = useAppLocale();
  return (
    <Stack component="li" gap={2}>
      <Text size="sm" fw={600}>
        {formatCalendarDate(day.date, locale)}
      </Text>
      {day.statuses.map((status) => {
        const places = day.marks
          .filter((mark) => mark.status === status)
          .map((mark) => placeText(pt, mark.place));
        return (
          <Group key={status} gap="xs" wrap="nowrap" align="flex-start">
            <Badge
              size="sm"
              variant="light"
              color={STATUS_COLORS[status]}
              c="dark.8"
              style={{ flexShrink: 0 }}
            >
              {pt(`portal.attendance.${status}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {[...new Set(places)].join(' · ')}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}
