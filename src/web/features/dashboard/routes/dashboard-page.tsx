import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';

import { BUILT_IN_ROLES, isBuiltInRole } from '../../../../shared/permissions.js';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { SuccessAlert } from '../../../components/success-alert';
import { useCurrentMe } from '../../auth/api/get-me';
import { useNavigation } from '../../auth/api/get-navigation';
import { navLabel } from '../../../lib/nav-labels';
import { useWelcomeNotice } from '../../../lib/welcome-notice';
import { TeacherToday } from '../../portal/components/teacher-today';
import { homeKind } from '../../portal/home-kind';
import { cardText, NOT_A_STARTING_POINT } from '../dashboard-cards';

// Students and guardians land on a home page of their own, loaded only for them.
const StudentHome = lazy(() =>
  import('../../portal/routes/student-home').then((m) => ({ default: m.StudentHome })),
);
const GuardianHome = lazy(() =>
  import('../../portal/routes/guardian-home').then((m) => ({ default: m.GuardianHome })),
);

export function DashboardPage() {
  const me = useCurrentMe();
  const kind = homeKind(me.roles, me.customRoles.length);
  if (kind === 'staff') return <StaffDashboard />;
  return (
    <Suspense fallback={<PageLoader />}>
      {kind === 'student' ? <StudentHome /> : <GuardianHome />}
    </Suspense>
  );
}

function StaffDashboard() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { items } = useNavigation();
  const rolesHeadingId = useId();
  const startHeadingId = useId();
  const welcome = useWelcomeNotice();

  // Built-in roles in the catalogue's order, so every dashboard reads the same way.
  const roles = BUILT_IN_ROLES.filter((role) => me.roles.includes(role));
  const unknownRoles = me.roles.filter((role) => !isBuiltInRole(role));
  const cards = items.filter((item) => !NOT_A_STARTING_POINT.has(item.key));
  const hasAnyRole = roles.length + unknownRoles.length + me.customRoles.length > 0;

  return (
    <Stack gap="xl">
      <PageHeader title={t('dashboard.heading', { name: me.user.name })} />
      {welcome && (
        <SuccessAlert>
          <Text fw={600}>{t('dashboard.schoolReady')}</Text>
          <Text size="sm">{t('dashboard.schoolReadyNext')}</Text>
        </SuccessAlert>
      )}
      {me.roles.includes('teacher') && <TeacherToday />}

      <section aria-labelledby={rolesHeadingId}>
        <Title order={2} size="h3" id={rolesHeadingId} mb="xs">
          {t('dashboard.rolesLabel')}
        </Title>
        {hasAnyRole ? (
          <Stack gap="sm">
            <Group gap="xs">
              {roles.map((role) => (
                <Badge key={role} variant="light" size="lg" c="dark.8">
                  {t(`roleNames.${role}`)}
                </Badge>
              ))}
              {unknownRoles.map((role) => (
                <Badge key={role} variant="light" size="lg" color="gray" c="dark.8">
                  {role}
                </Badge>
              ))}
              {me.customRoles.map((role) => (
                <Badge key={role.id} variant="outline" size="lg" c="dark.8">
                  {role.name}
                </Badge>
              ))}
            </Group>
            {roles.map((role) => (
              <Text key={role} maw="75ch">
                {t(`dashboard.intro.${role}`)}
              </Text>
            ))}
            {me.customRoles.length > 0 && (
              <Text maw="75ch">
                {t('dashboard.customIntro', {
                  roles: me.customRoles.map((role) => role.name).join(', '),
                })}
              </Text>
            )}
          </Stack>
        ) : (
          <Text>{t('dashboard.noRoles')}</Text>
        )}
      </section>

      <section aria-labelledby={startHeadingId}>
        <Title order={2} size="h3" id={startHeadingId} mb="sm">
          {t('dashboard.startHeading')}
        </Title>
        {cards.length === 0 ? (
          <Text maw="75ch">{t('dashboard.nothingYet')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {cards.map((item) => {
              const text = cardText(t, item.key);
              return (
                <Card key={item.key} withBorder radius="md" padding="lg">
                  <Stack gap="xs" h="100%">
                    <Title order={3} size="h4">
                      {navLabel(t, item)}
                    </Title>
                    <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
                      {text.description}
                    </Text>
                    <Anchor component={Link} to={item.path} fw={600}>
                      {text.action}
                    </Anchor>
                  </Stack>
                </Card>
              );
            })}
          </SimpleGrid>
        )}
      </section>
    </Stack>
  );
}
