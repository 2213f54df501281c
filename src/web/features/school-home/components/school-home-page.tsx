import { Stack, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';

import type { PublicSchoolProfile } from '../../../../shared/boot.js';
import { PageMain } from '../../../components/page-main';

import { SchoolHeader } from './school-header';

export function SchoolHomePage({ school }: { school: PublicSchoolProfile }) {
  const { t } = useTranslation();
  return (
    <>
      <SchoolHeader school={school} />
      <PageMain>
        <Stack gap="sm">
          <Text size="lg">{t('school.welcome', { name: school.name })}</Text>
          <Text>
            <Trans
              i18nKey="school.timezone"
              values={{ timezone: school.timezone }}
              components={{ zone: <bdi /> }}
            />
          </Text>
        </Stack>
      </PageMain>
    </>
  );
}
