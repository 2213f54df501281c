import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageMain } from '../../../components/page-main';
import { ProductHeader } from '../../../components/product-header';

export type HostStatus = 'not-found' | 'suspended' | 'maintenance';

const MESSAGES = {
  'not-found': {
    heading: 'errors.notFound.heading',
    description: 'errors.notFound.description',
  },
  suspended: {
    heading: 'errors.suspended.heading',
    description: 'errors.suspended.description',
  },
  maintenance: {
    heading: 'errors.maintenance.heading',
    description: 'errors.maintenance.description',
  },
} as const satisfies Record<HostStatus, { heading: string; description: string }>;

export function HostStatusPage({ status }: { status: HostStatus }) {
  const { t } = useTranslation();
  const messages = MESSAGES[status];
  return (
    <>
      <ProductHeader />
      <PageMain>
        <Stack gap="sm">
          <Title order={1}>{t(messages.heading)}</Title>
          <Text size="lg">{t(messages.description)}</Text>
        </Stack>
      </PageMain>
    </>
  );
}
