import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
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
import { useStaffList } from '../api/list-staff';
import type { StaffFilters } from '../api/list-staff';
import { AddStaffDialog } from '../components/add-staff-dialog';
import { StaffStatusBadge } from '../components/staff-status-badge';

const SORTS = {
  name: { sort: 'name', order: 'asc' },
  '-name': { sort: 'name', order: 'desc' },
  employeeNumber: { sort: 'employeeNumber', order: 'asc' },
  '-employeeNumber': { sort: 'employeeNumber', order: 'desc' },
} as const satisfies Record<string, Pick<StaffFilters, 'sort' | 'order'>>;

type SortKey = keyof typeof SORTS;

function isSortKey(value: string): value is SortKey {
  return Object.hasOwn(SORTS, value);
}

export function StaffPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const canManage = hasPermission(me, 'staff:manage');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [teacher, setTeacher] = useState('');
  const [department, setDepartment] = useState('');
  const [debouncedDepartment] = useDebouncedValue(department.trim(), 300);
  const [status, setStatus] = useState('active');
  const [sort, setSort] = useState<SortKey>('name');
  const [adding, setAdding] = useState(false);

  const filters: StaffFilters = {
    q: debouncedSearch || undefined,
    isTeacher: teacher === 'yes' ? true : teacher === 'no' ? false : undefined,
    department: debouncedDepartment || undefined,
    status: status === 'active' || status === 'archived' ? status : undefined,
    ...SORTS[sort],
  };
  const staff = useStaffList(filters);
  const rows = staff.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('nav.staff')}
        actions={
          canManage && <Button onClick={() => setAdding(true)}>{t('staff.add.open')}</Button>
        }
      />
      <Group gap="md" align="flex-end">
        <TextInput
          label={t('staff.search')}
          description={t('staff.searchHint')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flexGrow: 1, minWidth: 220 }}
        />
        <NativeSelect
          label={t('staff.filters.teacher')}
          value={teacher}
          onChange={(e) => setTeacher(e.currentTarget.value)}
          data={[
            { value: '', label: t('staff.filters.everyone') },
            { value: 'yes', label: t('staff.filters.teachers') },
            { value: 'no', label: t('staff.filters.nonTeachers') },
          ]}
        />
        <TextInput
          label={t('staff.filters.department')}
          value={department}
          onChange={(e) => setDepartment(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('staff.filters.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: 'active', label: t('staff.status.active') },
            { value: 'archived', label: t('staff.status.archived') },
            { value: '', label: t('staff.filters.allStatuses') },
          ]}
        />
        <NativeSelect
          label={t('staff.sort.label')}
          value={sort}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isSortKey(value)) setSort(value);
          }}
          data={[
            { value: 'name', label: t('staff.sort.nameAsc') },
            { value: '-name', label: t('staff.sort.nameDesc') },
            { value: 'employeeNumber', label: t('staff.sort.numberAsc') },
            { value: '-employeeNumber', label: t('staff.sort.numberDesc') },
          ]}
        />
      </Group>

      {staff.isPending ? (
        <PageLoader />
      ) : staff.isError ? (
        <RecordErrorAlert error={staff.error} />
      ) : rows.length === 0 ? (
        <Text>{t('staff.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>{t('staff.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staff.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('staff.columns.employeeNumber')}</Table.Th>
                <Table.Th scope="col">{t('staff.columns.position')}</Table.Th>
                <Table.Th scope="col">{t('staff.columns.department')}</Table.Th>
                <Table.Th scope="col">{t('staff.columns.teacher')}</Table.Th>
                <Table.Th scope="col">{t('staff.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((member) => (
                <Table.Tr key={member.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/staff/${member.id}`}>
                      {personName(member)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <bdi>{member.employeeNumber}</bdi>
                  </Table.Td>
                  <Table.Td>{member.position || '—'}</Table.Td>
                  <Table.Td>{member.department || '—'}</Table.Td>
                  <Table.Td>{member.isTeacher ? t('records.yes') : t('records.no')}</Table.Td>
                  <Table.Td>
                    <StaffStatusBadge status={member.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton
        hasNextPage={staff.hasNextPage}
        isFetchingNextPage={staff.isFetchingNextPage}
        fetchNextPage={staff.fetchNextPage}
      />

      {canManage && (
        <AddStaffDialog
          opened={adding}
          onClose={() => setAdding(false)}
          onCreated={(member) => {
            setAdding(false);
            void navigate({ to: `/staff/${member.id}` });
          }}
        />
      )}
    </Stack>
  );
}
