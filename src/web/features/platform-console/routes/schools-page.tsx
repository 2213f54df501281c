import { Button, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { LoadMoreButton } from '../../../components/load-more-button';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { useAppLocale } from '../../../lib/app-locale';
import { formatDate } from '../../../lib/format';
import { useSchools } from '../api/list-schools';
import type { PlatformSchool } from '../api/list-schools';
import { ImpersonateDialog } from '../components/impersonate-dialog';
import { SchoolStatusBadge } from '../components/school-status-badge';

export function SchoolsPage() {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const schools = useSchools(q);
  const [target, setTarget] = useState<PlatformSchool | null>(null);
  const rows = schools.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <PageHeader title={t('platform.schools.heading')} />
      <TextInput
        label={t('platform.schools.search')}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
      />
      {schools.isPending ? (
        <PageLoader />
      ) : schools.isError ? (
        <ErrorAlert error={schools.error} />
      ) : rows.length === 0 ? (
        <Text>{t('platform.schools.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>{t('platform.schools.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('platform.schools.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('platform.schools.columns.slug')}</Table.Th>
                <Table.Th scope="col">{t('platform.schools.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('platform.schools.columns.plan')}</Table.Th>
                <Table.Th scope="col">{t('platform.schools.columns.created')}</Table.Th>
                <Table.Th scope="col">{t('platform.schools.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((school) => (
                <Table.Tr key={school.id}>
                  <Table.Th scope="row" fw={500}>
                    {school.name}
                  </Table.Th>
                  <Table.Td>
                    <Text span ff="monospace" size="sm" dir="ltr">
                      {school.slug}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <SchoolStatusBadge status={school.status} />
                  </Table.Td>
                  <Table.Td>{school.planId}</Table.Td>
                  <Table.Td>{formatDate(school.createdAt, locale)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setTarget(school)}>
                      {t('platform.schools.impersonate')}
                    </Button>
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
      <ImpersonateDialog school={target} onClose={() => setTarget(null)} />
    </Stack>
  );
}
