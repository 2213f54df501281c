import { Anchor, AppShell, Burger, Group, Image } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { SkipLink } from '../../../components/skip-link';
import { isApiError } from '../../../lib/api-client';
import { useAppLocale } from '../../../lib/app-locale';
import { useSchool } from '../../../lib/school-context';
import { useCurrentMe } from '../../auth/api/get-me';
import { useEndImpersonation } from '../../auth/api/end-impersonation';
import { useSignOut } from '../../auth/api/sign-out';
import { useLeaveSession } from '../../auth/use-leave-session';

import { ImpersonationBanner } from './impersonation-banner';
import { MAIN_NAV_ID, MainNav } from './main-nav';
import { UserMenu } from './user-menu';

export function SchoolAppLayout() {
  const { t } = useTranslation();
  const school = useSchool();
  const me = useCurrentMe();
  const { setLocale } = useAppLocale();
  const [navOpened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const leave = useLeaveSession();
  const signOut = useSignOut();
  const endImpersonation = useEndImpersonation();

  // The person's language (or the school's, which the server folds into me.locale).
  useEffect(() => setLocale(me.locale), [me.locale, setLocale]);
  useEffect(() => close(), [pathname, close]);

  // A session the server no longer knows is as good as ended.
  const leaveUnlessFailed = (notice: 'signed-out' | 'session-ended') => ({
    onSuccess: () => void leave(notice),
    onError: (error: unknown) => {
      if (isApiError(error) && error.status === 401) void leave(notice);
    },
  });

  const { logoUrl } = school.branding;
  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding="md"
      >
        <AppShell.Header
          bg="var(--mantine-primary-color-filled)"
          c="var(--mantine-primary-color-contrast)"
        >
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                color="var(--mantine-primary-color-contrast)"
                aria-label={t('nav.toggle')}
                aria-expanded={navOpened}
                aria-controls={MAIN_NAV_ID}
              />
              {logoUrl && (
                <Image
                  src={logoUrl}
                  alt=""
                  h={40}
                  w={40}
                  fit="contain"
                  radius="sm"
                  bg="white"
                  p={2}
                />
              )}
              <Anchor component={Link} to="/" c="inherit" fw={700} size="lg" underline="never">
                {school.name}
              </Anchor>
            </Group>
            <UserMenu
              signingOut={signOut.isPending}
              onSignOut={() => signOut.mutate(undefined, leaveUnlessFailed('signed-out'))}
            />
          </Group>
        </AppShell.Header>
        <MainNav />
        <AppShell.Main id="main" tabIndex={-1}>
          {me.impersonation && (
            <ImpersonationBanner
              impersonation={me.impersonation}
              ending={endImpersonation.isPending}
              onEnd={() => endImpersonation.mutate(undefined, leaveUnlessFailed('session-ended'))}
            />
          )}
          <ErrorAlert error={signOut.error ?? endImpersonation.error} />
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
