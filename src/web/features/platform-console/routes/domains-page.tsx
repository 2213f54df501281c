import {
  Anchor,
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { Link, useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { DomainStatusValue, PlatformDomain } from '../../../../shared/contracts/domains.js';
import { DomainStatusBadge } from '../../../components/domain-status-badge';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMoreButton } from '../../../components/load-more-button';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatDateTime, isolateLtr } from '../../../lib/format';
import { REASON_MIN_LENGTH } from '../../../lib/validation';
import { usePlatformDomains } from '../api/list-platform-domains';
import type { PlatformDomainFilters } from '../api/list-platform-domains';
import { useRemovePlatformDomain } from '../api/remove-platform-domain';
import { useVerifyPlatformDomain } from '../api/verify-platform-domain';
import { ReasonForm } from '../components/reason-form';

const STATUSES: DomainStatusValue[] = ['pending', 'verified', 'failed'];

function parseFilters(search: Record<string, unknown>): PlatformDomainFilters {
  const status = STATUSES.find((s) => s === search.status) ?? '';
  const q = typeof search.q === 'string' ? search.q.trim().slice(0, 200) : '';
  return { q, status };
}

export function PlatformDomainsPage() {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const navigate = useNavigate();
  const router = useRouter();
  const filters = parseFilters(useSearch({ strict: false }));
  const [search, setSearch] = useState(filters.q);
  const domains = usePlatformDomains(filters);
  const verify = useVerifyPlatformDomain();
  const [removing, setRemoving] = useState<PlatformDomain | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = domains.data?.pages.flatMap((page) => page.items) ?? [];
  const when = (iso: string | null, none: string) => (iso ? formatDateTime(iso, locale) : none);

  function update(changes: Partial<PlatformDomainFilters>) {
    const next = { ...filters, ...changes };
    const params: Record<string, string> = {};
    if (next.q) params.q = next.q;
    if (next.status) params.status = next.status;
    void navigate({ to: '/domains', search: params, replace: true });
  }

  // The search box writes to the address once typing pauses, unless the operator has moved
  // on to another page in the meantime (say, a school they clicked before the pause).
  const searchFor = useDebouncedCallback((q: string) => {
    if (router.latestLocation.pathname !== '/domains') return;
    if (q !== filters.q) update({ q });
  }, 300);

  function check(domain: PlatformDomain) {
    setNotice(null);
    verify.mutate(domain.id, {
      onSuccess: (checked) =>
        setNotice(
          t('platform.domains.checked', {
            hostname: isolateLtr(checked.hostname, locale),
            status: t(`domainStatus.${checked.status}`),
          }),
        ),
    });
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('platform.domains.heading')} description={t('platform.domains.intro')} />
      {notice && <SuccessAlert>{notice}</SuccessAlert>}
      <ErrorAlert error={verify.error} />
      <Group gap="md" align="flex-end">
        <TextInput
          label={t('platform.domains.search')}
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            searchFor(e.currentTarget.value.trim());
          }}
          style={{ flexGrow: 1, minWidth: 240 }}
        />
        <NativeSelect
          label={t('platform.domains.status')}
          value={filters.status}
          onChange={(e) => {
            const value = e.currentTarget.value;
            update({ status: STATUSES.find((s) => s === value) ?? '' });
          }}
          data={[
            { value: '', label: t('platform.domains.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`domainStatus.${s}`) })),
          ]}
        />
      </Group>

      {domains.isPending ? (
        <PageLoader />
      ) : domains.isError ? (
        <ErrorAlert error={domains.error} />
      ) : rows.length === 0 ? (
        <Text>{t('platform.domains.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{t('platform.domains.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('platform.domains.columns.hostname')}</Table.Th>
                <Table.Th scope="col">{t('platform.domains.columns.school')}</Table.Th>
                <Table.Th scope="col">{t('platform.domains.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('platform.domains.columns.lastCheck')}</Table.Th>
                <Table.Th scope="col">{t('platform.domains.columns.nextCheck')}</Table.Th>
                <Table.Th scope="col">{t('platform.domains.columns.lastError')}</Table.Th>
                <Table.Th scope="col">{t('platform.domains.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((domain) => (
                <Table.Tr key={domain.id}>
                  <Table.Th scope="row" fw={500}>
                    <Text span dir="ltr" style={{ wordBreak: 'break-all' }}>
                      {domain.hostname}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Anchor component={Link} to={`/schools/${domain.school.id}`}>
                      {domain.school.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <DomainStatusBadge status={domain.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {when(domain.lastCheckedAt, t('common.never'))}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {when(domain.nextCheckAt, '—')}
                  </Table.Td>
                  <Table.Td maw={280}>
                    {domain.lastError ? (
                      <Text span size="sm" dir="ltr">
                        {domain.lastError}
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        loading={verify.isPending && verify.variables === domain.id}
                        disabled={verify.isPending}
                        onClick={() => check(domain)}
                        aria-label={t('platform.domains.checkNamed', {
                          hostname: domain.hostname,
                        })}
                      >
                        {t('platform.domains.check')}
                      </Button>
                      <Button
                        size="xs"
                        variant="outline"
                        color="red"
                        onClick={() => {
                          setNotice(null);
                          setRemoving(domain);
                        }}
                        aria-label={t('platform.domains.removeNamed', {
                          hostname: domain.hostname,
                        })}
                      >
                        {t('platform.domains.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton
        hasNextPage={domains.hasNextPage}
        isFetchingNextPage={domains.isFetchingNextPage}
        fetchNextPage={domains.fetchNextPage}
      />
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={
          removing
            ? t('platform.domains.removeTitle', { hostname: isolateLtr(removing.hostname, locale) })
            : ''
        }
        size="lg"
      >
        {removing && (
          <RemoveDomainForm
            domain={removing}
            onCancel={() => setRemoving(null)}
            onRemoved={() => {
              setNotice(
                t('platform.domains.removed', {
                  hostname: isolateLtr(removing.hostname, locale),
                  school: removing.school.name,
                }),
              );
              setRemoving(null);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function RemoveDomainForm({
  domain,
  onCancel,
  onRemoved,
}: {
  domain: PlatformDomain;
  onCancel: () => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const remove = useRemovePlatformDomain();
  return (
    <ReasonForm
      intro={<Text>{t('platform.domains.removeIntro', { school: domain.school.name })}</Text>}
      confirmLabel={t('platform.domains.removeConfirm')}
      confirmColor="red"
      reasonMin={REASON_MIN_LENGTH}
      pending={remove.isPending}
      error={remove.error}
      onCancel={onCancel}
      onSubmit={(reason, focusFirstError) =>
        remove.mutate({ id: domain.id, reason }, { onSuccess: onRemoved, onError: focusFirstError })
      }
    />
  );
}
