import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LoadMoreButton } from '../../../components/load-more-button';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { hasNavigationEntry } from '../../../lib/navigation-entries';
import { hasPermission } from '../../../lib/permissions';
import { personName } from '../../../lib/person-name';
import { useGradeLevels } from '../../academics/api/grade-levels';
import { useSectionOptions } from '../../academics/api/sections';
import { useCurrentMe } from '../../auth/api/get-me';
import { useNavigation } from '../../auth/api/get-navigation';
import { useStudents } from '../api/list-students';
import type { StudentFilters } from '../api/list-students';
import { AddStudentDialog } from '../components/add-student-dialog';
import { StudentStatusBadge } from '../components/student-status-badge';
import { isStudentStatus, STUDENT_STATUSES } from '../student-status';

const SORTS = {
  name: { sort: 'name', order: 'asc' },
  '-name': { sort: 'name', order: 'desc' },
  admissionNumber: { sort: 'admissionNumber', order: 'asc' },
  '-admissionNumber': { sort: 'admissionNumber', order: 'desc' },
} as const satisfies Record<string, Pick<StudentFilters, 'sort' | 'order'>>;

type SortKey = keyof typeof SORTS;

function isSortKey(value: string): value is SortKey {
  return Object.hasOwn(SORTS, value);
}

/**
 * Everyone with the page sees it, scoped by the server: the whole school for the office, a
 * teacher's classes, or a guardian's own children (whose menu calls it "My children").
 */
export function StudentsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const childrenOnly = !hasNavigationEntry(navigation, 'students');
  const canManage = hasPermission(me, 'students:manage');

  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [gradeLevelId, setGradeLevelId] = useState('');
  const [sectionId, setSectionId] = useState('');
  const [status, setStatus] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [adding, setAdding] = useState(false);

  const gradeLevels = useGradeLevels();
  const options = useSectionOptions();
  const sectionLabel = useMemo(
    () => new Map(options.map((option) => [option.section.id, option.label])),
    [options],
  );

  const filters: StudentFilters = {
    q: debouncedSearch || undefined,
    gradeLevelId: gradeLevelId || undefined,
    sectionId: sectionId || undefined,
    status: isStudentStatus(status) ? status : undefined,
    ...SORTS[sort],
  };
  const students = useStudents(filters);
  const rows = students.data?.pages.flatMap((page) => page.items) ?? [];
  const title = childrenOnly ? t('nav.children') : t('nav.students');

  return (
    <Stack gap="md">
      <PageHeader
        title={title}
        actions={
          canManage && <Button onClick={() => setAdding(true)}>{t('students.add.open')}</Button>
        }
      />
      <Group gap="md" align="flex-end">
        <TextInput
          label={t('students.search')}
          description={t('students.searchHint')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flexGrow: 1, minWidth: 220 }}
        />
        {!childrenOnly && (
          <>
            <NativeSelect
              label={t('students.filters.grade')}
              value={gradeLevelId}
              onChange={(e) => {
                setGradeLevelId(e.currentTarget.value);
                setSectionId('');
              }}
              data={[
                { value: '', label: t('students.filters.allGrades') },
                ...(gradeLevels.data ?? []).map((grade) => ({
                  value: grade.id,
                  label: grade.name,
                })),
              ]}
            />
            <NativeSelect
              label={t('students.filters.section')}
              value={sectionId}
              onChange={(e) => setSectionId(e.currentTarget.value)}
              data={[
                { value: '', label: t('students.filters.allSections') },
                ...options
                  .filter((o) => !gradeLevelId || o.section.gradeLevelId === gradeLevelId)
                  .map((o) => ({ value: o.section.id, label: o.label })),
              ]}
            />
            <NativeSelect
              label={t('students.filters.status')}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value)}
              data={[
                { value: '', label: t('students.filters.allStatuses') },
                ...STUDENT_STATUSES.map((s) => ({ value: s, label: t(`studentStatus.${s}`) })),
              ]}
            />
          </>
        )}
        <NativeSelect
          label={t('students.sort.label')}
          value={sort}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isSortKey(value)) setSort(value);
          }}
          data={[
            { value: 'name', label: t('students.sort.nameAsc') },
            { value: '-name', label: t('students.sort.nameDesc') },
            { value: 'admissionNumber', label: t('students.sort.numberAsc') },
            { value: '-admissionNumber', label: t('students.sort.numberDesc') },
          ]}
        />
      </Group>

      {students.isPending ? (
        <PageLoader />
      ) : students.isError ? (
        <RecordErrorAlert error={students.error} />
      ) : rows.length === 0 ? (
        <Text>{childrenOnly ? t('students.emptyChildren') : t('students.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>{title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('students.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('students.columns.admissionNumber')}</Table.Th>
                <Table.Th scope="col">{t('students.columns.section')}</Table.Th>
                <Table.Th scope="col">{t('students.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((student) => (
                <Table.Tr key={student.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/students/${student.id}`}>
                      {personName(student)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <bdi>{student.admissionNumber}</bdi>
                  </Table.Td>
                  <Table.Td>
                    {student.sectionId ? (sectionLabel.get(student.sectionId) ?? '') : '—'}
                  </Table.Td>
                  <Table.Td>
                    <StudentStatusBadge status={student.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton
        hasNextPage={students.hasNextPage}
        isFetchingNextPage={students.isFetchingNextPage}
        fetchNextPage={students.fetchNextPage}
      />

      {canManage && (
        <AddStudentDialog
          opened={adding}
          onClose={() => setAdding(false)}
          sections={options}
          onCreated={(student) => {
            setAdding(false);
            void navigate({ to: `/students/${student.id}` });
          }}
        />
      )}
    </Stack>
  );
}
