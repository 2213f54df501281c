import { Container, Group, Title } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { BrandHeader } from '../../../components/brand-header';
import { LanguageSwitch } from '../../../components/language-switch';
import { SkipLink } from '../../../components/skip-link';

/** The console before sign-in (and its 404): the product header and one narrow column. */
export function PlatformFrame({
  size = 'xs',
  children,
}: {
  size?: 'xs' | 'md';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <BrandHeader>
        <Group justify="space-between" wrap="nowrap">
          <Title order={1} size="h3">
            {t('platform.heading')}
          </Title>
          <LanguageSwitch />
        </Group>
      </BrandHeader>
      <Container component="main" id="main" tabIndex={-1} size={size} py="xl">
        {children}
      </Container>
    </>
  );
}

export function PlatformAuthLayout() {
  return (
    <PlatformFrame>
      <Outlet />
    </PlatformFrame>
  );
}
