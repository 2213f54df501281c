import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { Link, useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { LoadMoreButton } from '../../../components/load-more-button';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { useAppLocale } from '../../../lib/app-locale';
import { formatDateTime } from '../../../lib/format';
import { usePlans } from '../api/list-plans';
import { useSchools } from '../api/list-schools';
import { CreateSchoolDialog } from '../components/create-school-dialog';
import { SchoolStatusBadge } from '../components/school-status-badge';
import {
  defaultOrder,
  isSchoolSort,
  parseSchoolListSearch,
  SCHOOL_SORTS,
  SCHOOL_STATUS_FILTERS,
  schoolListSearch,
} from '../school-list-search';
import type { SchoolListFilters } from '../school-list-search';

export function SchoolsPage() {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const navigate = useNavigate();
  const router = useRouter();
  const filters = parseSchoolListSearch(useSearch({ strict: false }));
  const [search, setSearch] = useState(filters.q);
  const [creating, setCreating] = useState(false);
  const plans = usePlans();
  const schools = useSchools(filters);
  const rows = schools.data?.pages.flatMap((page) => page.items) ?? [];
  const planNames = new Map((plans.data?.items ?? []).map((plan) => [plan.id, plan.name]));
  const number = new Intl.NumberFormat(locale);

  function update(changes: Partial<SchoolListFilters>) {
    void navigate({ to: '/', search: schoolListSearch({ ...filters, ...changes }), replace: true });
  }

  // The search box writes to the address once typing pauses, unless the operator has moved
  // on to another page in the meantime (say, a school they clicked before the pause).
  const searchFor = useDebouncedCallback((q: string) => {
    if (router.latestLocation.pathname !== '/') return;
    if (q !== filters.q) update({ q });
  }, 300);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('platform.schools.heading')}
        actions={
          <Button onClick={() => setCreating(true)} disabled={!plans.data}>
            {t('platform.schools.newSchool')}
          </Button>
        }
      />
      <Group gap="md" align="flex-end">
        <TextInput
          label={t('platform.schools.search')}
          description={t('platform.schools.searchHint')}
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            searchFor(e.currentTarget.value.trim());
          }}
          style={{ flexGrow: 1, minWidth: 240 }}
        />
        <NativeSelect
          label={t('platform.schools.status')}
          value={filters.status}
          onChange={(e) => {
            const value = e.currentTarget.value;
            update({ status: SCHOOL_STATUS_FILTERS.find((s) => s === value) ?? '' });
          }}
          data={[
            { value: '', label: t('platform.schools.allStatuses') },
            ...SCHOOL_STATUS_FILTERS.map((s) => ({
              value: s,
              label: t(`platform.schoolStatus.${s}`),
            })),
          ]}
        />
        <NativeSelect
          label={t('platform.schools.plan')}
          value={filters.planId}
          onChange={(e) => update({ planId: e.currentTarget.value })}
          data={[
            { value: '', label: t('platform.schools.allPlans') },
            ...(plans.data?.items ?? []).map((plan) => ({ value: plan.id, label: plan.name })),
          ]}
        />
        <NativeSelect
          label={t('platform.schools.sort')}
          value={filters.sort}
          onChange={(e) => {
            const sort = e.currentTarget.value;
            if (isSchoolSort(sort)) update({ sort, order: defaultOrder(sort) });
          }}
          data={SCHOOL_SORTS.map((sort) => ({
            value: sort,
            label: t(`platform.schools.sorts.${sort}`),
          }))}
        />
        <NativeSelect
          label={t('platform.schools.order')}
          value={filters.order}
          onChange={(e) => update({ order: e.currentTarget.value === 'asc' ? 'asc' : 'desc' })}
          data={[
            { value: 'desc', label: t('platform.schools.descending') },
            { value: 'asc', label: t('platform.schools.ascending') },
          ]}
        />
      </Group>
      <ErrorAlert error={plans.error} />

      {schools.isPending ? (
        <PageLoader />
      ) : schools.isError ? (
        <ErrorAlert error={schools.error} />
      ) : rows.length === 0 ? (
        <Text>{t('platform.schools.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={980}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>{t('platform.schools.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('platform.schools.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('platform.schools.columns.slug')}</Table.Th>
                <Table.Th scope="col">{t('platform.schools.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('platform.schools.columns.plan')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('platform.schools.columns.users')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('platform.schools.columns.students')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('platform.schools.columns.requests')}
                </Table.Th>
                <Table.Th scope="col">{t('platform.schools.columns.lastActivity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((school) => (
                <Table.Tr key={school.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/schools/${school.id}`}>
                      {school.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <Text span ff="monospace" size="sm" dir="ltr">
                      {school.slug}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <SchoolStatusBadge status={school.status} />
                      {school.maintenance && (
                        <Text span size="xs">
                          {t('platform.school.maintenanceOn')}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{planNames.get(school.planId) ?? school.planId}</Table.Td>
                  <Table.Td ta="end">{number.format(school.userCount)}</Table.Td>
                  <Table.Td ta="end">{number.format(school.studentCount)}</Table.Td>
                  <Table.Td ta="end">{number.format(school.requests30d)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(school.lastActivityAt, locale)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton
        hasNextPage={schools.hasNextPage}
        isFetchingNextPage={schools.isFetchingNextPage}
        fetchNextPage={schools.fetchNextPage}
      />
      <CreateSchoolDialog
        opened={creating}
        plans={plans.data?.items ?? []}
        onClose={() => setCreating(false)}
        onCreated={(school) => {
          setCreating(false);
          void navigate({ to: `/schools/${school.id}` });
        }}
      />
    </Stack>
  );
}
