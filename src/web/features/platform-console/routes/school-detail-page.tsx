import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { SchoolDetail } from '../../../../shared/contracts/platform.js';
import { DomainStatusBadge } from '../../../components/domain-status-badge';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { StatusPage, statusKindOf } from '../../../components/status-page';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatDate, formatDateTime } from '../../../lib/format';
import { LOCALE_NAMES, isLocale } from '../../../lib/locale';
import { useSchoolDetail } from '../api/get-school';
import { schoolQueryKey } from '../api/school-keys';
import { DetailSection } from '../components/detail-section';
import { LimitUsage } from '../components/limit-usage';
import { SchoolActionDialog } from '../components/school-action-dialog';
import { SchoolStatusBadge } from '../components/school-status-badge';
import { UsageChart } from '../components/usage-chart';
import { DANGEROUS_ACTIONS, otherActions, statusActions } from '../school-actions';
import type { SchoolAction } from '../school-actions';
import { schoolSiteUrl } from '../school-url';

export function SchoolDetailPage() {
  const { id } = useParams({ strict: false });
  const detail = useSchoolDetail(id ?? '');

  if (detail.isPending) return <PageLoader />;
  if (detail.isError) {
    const kind = statusKindOf(detail.error);
    return kind === 'error' ? (
      <ErrorAlert error={detail.error} />
    ) : (
      <StatusPage kind={kind} homePath="/" />
    );
  }
  return <SchoolDetailView detail={detail.data} />;
}

function SchoolDetailView({ detail }: { detail: SchoolDetail }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<SchoolAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { school, plan } = detail;
  const siteUrl = schoolSiteUrl(school.slug, window.location.host, window.location.protocol);
  const actions = [...statusActions(school.status), ...otherActions(school.status)];

  function onDeleted() {
    setAction(null);
    // Leave the page first, so nothing asks for the school that is gone.
    void navigate({ to: '/', replace: true }).then(() =>
      queryClient.removeQueries({ queryKey: schoolQueryKey(school.id) }),
    );
  }

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/" size="sm">
        {t('common.backToList')}
      </Anchor>
      <PageHeader
        title={school.name}
        description={
          <Anchor href={siteUrl} dir="ltr">
            {siteUrl}
          </Anchor>
        }
      />
      <Group gap="xs">
        <SchoolStatusBadge status={school.status} />
        <Badge variant="outline" c="dark.8">
          {t('platform.school.planBadge', { plan: plan.name })}
        </Badge>
        {school.maintenance && (
          <Badge color="orange" variant="light" c="dark.8">
            {t('platform.school.maintenanceOn')}
          </Badge>
        )}
        {school.status === 'trial' && school.trialEndsAt && (
          <Text size="sm">
            {t('platform.school.trialEnds', { date: formatDate(school.trialEndsAt, locale) })}
          </Text>
        )}
      </Group>

      {notice && <SuccessAlert>{notice}</SuccessAlert>}

      {actions.length > 0 && (
        <Group gap="xs" role="group" aria-label={t('platform.school.actions')}>
          {actions.map((item) => (
            <Button
              key={item}
              variant={DANGEROUS_ACTIONS.has(item) ? 'outline' : 'light'}
              color={
                DANGEROUS_ACTIONS.has(item) ? 'red' : item === 'impersonate' ? 'orange' : undefined
              }
              onClick={() => {
                setNotice(null);
                setAction(item);
              }}
            >
              {t(`platform.actions.${item}.button`)}
            </Button>
          ))}
        </Group>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <DetailSection title={t('platform.school.limitsHeading')}>
          <LimitUsage limits={detail.limits} />
        </DetailSection>
        <DetailSection title={t('platform.school.factsHeading')}>
          <SchoolFacts school={school} />
        </DetailSection>
      </SimpleGrid>

      <DetailSection title={t('platform.school.usageHeading')}>
        <UsageCharts usage={detail.usage} />
      </DetailSection>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <DetailSection title={t('platform.school.historyHeading')}>
          <StatusHistory history={detail.statusHistory} />
        </DetailSection>
        <DetailSection title={t('platform.school.domainsHeading')}>
          <SchoolDomains domains={detail.domains} />
        </DetailSection>
      </SimpleGrid>

      <DetailSection title={t('platform.school.auditHeading')}>
        <RecentAudit events={detail.recentAudit} />
      </DetailSection>

      <SchoolActionDialog
        school={school}
        action={action}
        onClose={() => setAction(null)}
        onDone={(message) => {
          setAction(null);
          setNotice(message);
        }}
        onDeleted={onDeleted}
      />
    </Stack>
  );
}

function Facts({ facts }: { facts: { label: string; value: ReactNode }[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="md" m={0}>
      {facts.map((fact) => (
        <div key={fact.label}>
          <Text component="dt" size="sm" c="dimmed">
            {fact.label}
          </Text>
          <Text component="dd" m={0}>
            {fact.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

function SchoolFacts({ school }: { school: SchoolDetail['school'] }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const number = new Intl.NumberFormat(locale);
  return (
    <Facts
      facts={[
        { label: t('platform.school.created'), value: formatDate(school.createdAt, locale) },
        {
          label: t('platform.school.lastActivity'),
          value: formatDateTime(school.lastActivityAt, locale),
        },
        {
          label: t('platform.school.statusChanged'),
          value: formatDateTime(school.statusChangedAt, locale),
        },
        { label: t('platform.school.users'), value: number.format(school.userCount) },
        { label: t('platform.school.students'), value: number.format(school.studentCount) },
        { label: t('platform.school.requests30d'), value: number.format(school.requests30d) },
        {
          label: t('language.label'),
          value: isLocale(school.locale) ? (
            <span lang={school.locale}>{LOCALE_NAMES[school.locale]}</span>
          ) : (
            school.locale
          ),
        },
        { label: t('platform.school.timezone'), value: <bdi>{school.timezone}</bdi> },
      ]}
    />
  );
}

function UsageCharts({ usage }: { usage: SchoolDetail['usage'] }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const number = new Intl.NumberFormat(locale);
  const total = (values: number[]) => number.format(values.reduce((sum, v) => sum + v, 0));
  const p95s = usage.flatMap((u) => (u.p95Ms === null ? [] : [u.p95Ms]));
  const busiestUsers = Math.max(0, ...usage.map((u) => u.activeUsers));

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
      <UsageChart
        title={t('platform.usage.requests')}
        points={usage.map((u) => ({ day: u.day, value: u.requests }))}
        describe={(value) =>
          t('platform.usage.requestsValue', { value: number.format(value ?? 0) })
        }
        summary={t('platform.usage.total', { value: total(usage.map((u) => u.requests)) })}
      />
      <UsageChart
        title={t('platform.usage.errors')}
        points={usage.map((u) => ({ day: u.day, value: u.errors }))}
        describe={(value) => t('platform.usage.errorsValue', { value: number.format(value ?? 0) })}
        summary={t('platform.usage.total', { value: total(usage.map((u) => u.errors)) })}
        color="var(--mantine-color-red-7)"
      />
      <UsageChart
        title={t('platform.usage.latency')}
        points={usage.map((u) => ({ day: u.day, value: u.p95Ms }))}
        describe={(value) =>
          value === null
            ? t('platform.usage.noData')
            : t('platform.usage.latencyValue', { value: number.format(Math.round(value)) })
        }
        summary={
          p95s.length === 0
            ? t('platform.usage.noData')
            : t('platform.usage.worst', {
                value: t('platform.usage.latencyValue', {
                  value: number.format(Math.round(Math.max(...p95s))),
                }),
              })
        }
        color="var(--mantine-color-violet-7)"
      />
      <UsageChart
        title={t('platform.usage.activeUsers')}
        points={usage.map((u) => ({ day: u.day, value: u.activeUsers }))}
        describe={(value) =>
          t('platform.usage.activeUsersValue', { value: number.format(value ?? 0) })
        }
        summary={t('platform.usage.busiest', { value: number.format(busiestUsers) })}
        color="var(--mantine-color-teal-8)"
      />
    </SimpleGrid>
  );
}

function StatusHistory({ history }: { history: SchoolDetail['statusHistory'] }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  if (history.length === 0) return <Text>{t('platform.school.noHistory')}</Text>;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('platform.school.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('platform.school.columns.change')}</Table.Th>
            <Table.Th scope="col">{t('platform.school.columns.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((entry, index) => (
            <Table.Tr key={`${entry.at}-${index}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(entry.at, locale)}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {entry.from && <SchoolStatusBadge status={entry.from} />}
                  {entry.from && <span aria-hidden="true">{locale === 'ar' ? '←' : '→'}</span>}
                  <SchoolStatusBadge status={entry.to} />
                </Group>
              </Table.Td>
              <Table.Td>{entry.reason ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SchoolDomains({ domains }: { domains: SchoolDetail['domains'] }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  if (domains.length === 0) return <Text>{t('platform.school.noDomains')}</Text>;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('platform.domains.columns.hostname')}</Table.Th>
            <Table.Th scope="col">{t('platform.domains.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('platform.domains.columns.verified')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {domains.map((domain) => (
            <Table.Tr key={domain.id}>
              <Table.Td>
                <Anchor
                  dir="ltr"
                  renderRoot={(props) => (
                    <Link {...props} to="/domains" search={{ q: domain.hostname }} />
                  )}
                >
                  {domain.hostname}
                </Anchor>
                {domain.lastError && (
                  <Text size="xs" c="red.9" dir="ltr">
                    {domain.lastError}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <DomainStatusBadge status={domain.status} />
              </Table.Td>
              <Table.Td>
                {domain.verifiedAt ? formatDateTime(domain.verifiedAt, locale) : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RecentAudit({ events }: { events: SchoolDetail['recentAudit'] }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  if (events.length === 0) return <Text>{t('platform.audit.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('platform.audit.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('platform.audit.columns.operator')}</Table.Th>
            <Table.Th scope="col">{t('platform.audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('platform.audit.columns.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(event.at, locale)}
              </Table.Td>
              <Table.Td>{event.operatorEmail ? <bdi>{event.operatorEmail}</bdi> : '—'}</Table.Td>
              <Table.Td>
                <Text span ff="monospace" size="sm" dir="ltr">
                  {event.action}
                </Text>
              </Table.Td>
              <Table.Td>{event.reason ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
