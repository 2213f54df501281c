import { Box, Button, Container, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { BrandHeader } from '../../../components/brand-header';
import { ErrorAlert } from '../../../components/error-alert';
import { LanguageSwitch } from '../../../components/language-switch';
import { SkipLink } from '../../../components/skip-link';
import { isApiError } from '../../../lib/api-client';
import { useCurrentOperator } from '../api/get-operator';
import { useOperatorSignOut } from '../api/operator-sign-out';

const LINKS = [
  { path: '/', labelKey: 'platform.navSchools', section: '/schools' },
  { path: '/domains', labelKey: 'platform.navDomains', section: '/domains' },
  { path: '/audit', labelKey: 'platform.navAudit', section: '/audit' },
] as const;

/** A link is current on its own page and on the pages below it (a school under Schools). */
function isActive(pathname: string, link: (typeof LINKS)[number]): boolean {
  return (
    pathname === link.path || pathname === link.section || pathname.startsWith(`${link.section}/`)
  );
}

export function PlatformLayout() {
  const { t } = useTranslation();
  const operator = useCurrentOperator();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useOperatorSignOut();
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  const leave = async () => {
    await navigate({ to: '/sign-in', replace: true });
    queryClient.removeQueries();
  };

  return (
    <>
      <SkipLink />
      <BrandHeader py="sm" size="xl">
        <Group justify="space-between" gap="md">
          <Group gap="xl">
            <Text fw={700} size="lg">
              {t('platform.heading')}
            </Text>
            <Box component="nav" aria-label={t('nav.label')}>
              <Group gap="xs">
                {LINKS.map((link) => {
                  const active = isActive(pathname, link);
                  return (
                    <Button
                      key={link.path}
                      component={Link}
                      to={link.path}
                      variant={active ? 'white' : 'subtle'}
                      color={active ? undefined : 'var(--mantine-primary-color-contrast)'}
                      size="sm"
                      aria-current={active ? 'page' : undefined}
                    >
                      {t(link.labelKey)}
                    </Button>
                  );
                })}
              </Group>
            </Box>
          </Group>
          <Group gap="sm">
            <Text size="sm">
              <bdi>{operator.email}</bdi>
            </Text>
            <LanguageSwitch />
            <Button
              variant="white"
              size="xs"
              loading={signOut.isPending}
              onClick={() =>
                signOut.mutate(undefined, {
                  onSuccess: () => void leave(),
                  onError: (error) => {
                    if (isApiError(error) && error.status === 401) void leave();
                  },
                })
              }
            >
              {t('account.signOut')}
            </Button>
          </Group>
        </Group>
      </BrandHeader>
      <Container component="main" id="main" tabIndex={-1} size="xl" py="xl">
        <ErrorAlert error={signOut.error} />
        <Outlet />
      </Container>
    </>
  );
}
