import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageMain } from '../../../components/page-main';
import { ProductHeader } from '../../../components/product-header';

export function PlatformConsolePage() {
  const { t } = useTranslation();
  return (
    <>
      <ProductHeader />
      <PageMain>
        <Stack gap="sm">
          <Title order={1}>{t('platform.heading')}</Title>
          <Text size="lg">{t('platform.description')}</Text>
        </Stack>
      </PageMain>
    </>
  );
}
