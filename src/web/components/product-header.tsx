import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { BrandHeader } from './brand-header';

export function ProductHeader() {
  const { t } = useTranslation();
  return (
    <BrandHeader>
      <Text fw={700} size="lg">
        {t('product.name')}
      </Text>
    </BrandHeader>
  );
}
