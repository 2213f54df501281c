import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { SchoolDetail } from '../../../../shared/contracts/platform.js';
import { useAppLocale } from '../../../lib/app-locale';
import { limitShare } from '../limit-share';

type Limit = SchoolDetail['limits'][number];

const KNOWN = ['users', 'students', 'staff', 'storageMb', 'requestsPerMinute'] as const;
type KnownLimit = (typeof KNOWN)[number];

function isKnown(key: string): key is KnownLimit {
  return (KNOWN as readonly string[]).includes(key);
}

/** Each limit of the school's plan, with how much of it is used where that is counted. */
export function LimitUsage({ limits }: { limits: Limit[] }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

  return (
    <Stack gap="md">
      {limits.map((limit) => {
        const label = isKnown(limit.key) ? t(`platform.limitsCard.${limit.key}`) : limit.key;
        if (limit.used === null) {
          return (
            <Group key={limit.key} justify="space-between" gap="xs">
              <Text size="sm" fw={500}>
                {label}
              </Text>
              <Text size="sm">
                {t('platform.limitsCard.limitOnly', { limit: number.format(limit.limit) })}
              </Text>
            </Group>
          );
        }
        const share = limitShare(limit.used, limit.limit);
        const values = { used: number.format(limit.used), limit: number.format(limit.limit) };
        const text =
          limit.key === 'storageMb'
            ? t('platform.limitsCard.usedOfMb', values)
            : t('platform.limitsCard.usedOf', values);
        return (
          <Stack key={limit.key} gap={4}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={500}>
                {label}
              </Text>
              <Text size="sm">{text}</Text>
            </Group>
            <Progress
              value={share.percent}
              color={share.level === 'over' ? 'red' : share.level === 'near' ? 'orange' : undefined}
              aria-label={`${label}: ${text}`}
            />
          </Stack>
        );
      })}
    </Stack>
  );
}
