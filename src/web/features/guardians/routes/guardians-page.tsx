import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LoadMoreButton } from '../../../components/load-more-button';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { hasPermission } from '../../../lib/permissions';
import { personName } from '../../../lib/person-name';
import { useCurrentMe } from '../../auth/api/get-me';
import { useGuardians } from '../api/list-guardians';
import { AddGuardianDialog } from '../components/add-guardian-dialog';

export function GuardiansPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const canManage = hasPermission(me, 'guardians:manage');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [adding, setAdding] = useState(false);

  const guardians = useGuardians({ q: debouncedSearch || undefined, order });
  const rows = guardians.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('nav.guardians')}
        actions={
          canManage && <Button onClick={() => setAdding(true)}>{t('guardians.add.open')}</Button>
        }
      />
      <Group gap="md" align="flex-end">
        <TextInput
          label={t('guardians.search')}
          description={t('guardians.searchHint')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flexGrow: 1, minWidth: 220 }}
        />
        <NativeSelect
          label={t('guardians.sort')}
          value={order}
          onChange={(e) => setOrder(e.currentTarget.value === 'desc' ? 'desc' : 'asc')}
          data={[
            { value: 'asc', label: t('guardians.sortAsc') },
            { value: 'desc', label: t('guardians.sortDesc') },
          ]}
        />
      </Group>

      {guardians.isPending ? (
        <PageLoader />
      ) : guardians.isError ? (
        <RecordErrorAlert error={guardians.error} />
      ) : rows.length === 0 ? (
        <Text>{t('guardians.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>{t('guardians.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('guardians.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('guardians.columns.email')}</Table.Th>
                <Table.Th scope="col">{t('guardians.columns.phone')}</Table.Th>
                <Table.Th scope="col">{t('guardians.columns.account')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((guardian) => (
                <Table.Tr key={guardian.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/guardians/${guardian.id}`}>
                      {personName(guardian)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{guardian.email ? <bdi>{guardian.email}</bdi> : '—'}</Table.Td>
                  <Table.Td>
                    {guardian.phone ? <bdi dir="ltr">{guardian.phone}</bdi> : '—'}
                  </Table.Td>
                  <Table.Td>
                    {guardian.userId ? (
                      <Badge variant="light" color="green" c="dark.8">
                        {t('records.hasAccount')}
                      </Badge>
                    ) : (
                      t('records.noAccount')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton
        hasNextPage={guardians.hasNextPage}
        isFetchingNextPage={guardians.isFetchingNextPage}
        fetchNextPage={guardians.fetchNextPage}
      />

      {canManage && (
        <AddGuardianDialog
          opened={adding}
          onClose={() => setAdding(false)}
          onCreated={(guardian) => {
            setAdding(false);
            void navigate({ to: `/guardians/${guardian.id}` });
          }}
        />
      )}
    </Stack>
  );
}
