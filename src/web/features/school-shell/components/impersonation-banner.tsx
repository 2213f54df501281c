import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Me } from '../../../../shared/contracts/identity.js';
import { useAppLocale } from '../../../lib/app-locale';
import { formatTime } from '../../../lib/format';
import { useSchool } from '../../../lib/school-context';

interface ImpersonationBannerProps {
  impersonation: NonNullable<Me['impersonation']>;
  onEnd: () => void;
  ending: boolean;
}

/** Always visible while an operator is in the school, so nobody mistakes whose session it is. */
export function ImpersonationBanner({ impersonation, onEnd, ending }: ImpersonationBannerProps) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const school = useSchool();
  const values = {
    operator: impersonation.operatorEmail,
    time: formatTime(impersonation.expiresAt, locale, school.timezone),
  };
  return (
    <Alert role="status" color="yellow" variant="light" mb="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={500}>
          {impersonation.readOnly
            ? t('impersonation.bannerReadOnly', values)
            : t('impersonation.bannerReadWrite', values)}
        </Text>
        <Button size="xs" color="dark" onClick={onEnd} loading={ending}>
          {t('impersonation.end')}
        </Button>
      </Group>
    </Alert>
  );
}
