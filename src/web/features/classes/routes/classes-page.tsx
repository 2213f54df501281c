import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LoadMoreButton } from '../../../components/load-more-button';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { hasPermission } from '../../../lib/permissions';
import { joinNames, personName } from '../../../lib/person-name';
import { useCurrentMe } from '../../auth/api/get-me';
import { useClasses } from '../api/list-classes';
import type { ClassFilters } from '../api/list-classes';
import { ClassDialog } from '../components/class-dialog';
import { useClassLookups } from '../use-class-lookups';

export function ClassesPage() {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const canManage = hasPermission(me, 'academics:manage');
  const lookups = useClassLookups();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [termId, setTermId] = useState('');
  const [sectionId, setSectionId] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const [teacherId, setTeacherId] = useState('');
  const [adding, setAdding] = useState(false);

  const filters: ClassFilters = {
    q: debouncedSearch || undefined,
    termId: termId || undefined,
    sectionId: sectionId || undefined,
    subjectId: subjectId || undefined,
    teacherId: teacherId || undefined,
  };
  const classes = useClasses(filters);
  const rows = classes.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('nav.classes')}
        actions={canManage && <Button onClick={() => setAdding(true)}>{t('classes.add')}</Button>}
      />
      <Group gap="md" align="flex-end">
        <TextInput
          label={t('classes.search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flexGrow: 1, minWidth: 200 }}
        />
        <NativeSelect
          label={t('classes.filters.term')}
          value={termId}
          onChange={(e) => setTermId(e.currentTarget.value)}
          data={[
            { value: '', label: t('classes.filters.allTerms') },
            ...lookups.terms.map((term) => ({ value: term.id, label: term.name })),
          ]}
        />
        <NativeSelect
          label={t('classes.filters.section')}
          value={sectionId}
          onChange={(e) => setSectionId(e.currentTarget.value)}
          data={[
            { value: '', label: t('classes.filters.allSections') },
            ...lookups.sections.map((o) => ({ value: o.section.id, label: o.label })),
          ]}
        />
        <NativeSelect
          label={t('classes.filters.subject')}
          value={subjectId}
          onChange={(e) => setSubjectId(e.currentTarget.value)}
          data={[
            { value: '', label: t('classes.filters.allSubjects') },
            ...lookups.subjects.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <NativeSelect
          label={t('classes.filters.teacher')}
          value={teacherId}
          onChange={(e) => setTeacherId(e.currentTarget.value)}
          data={[
            { value: '', label: t('classes.filters.allTeachers') },
            ...lookups.teachers.map((s) => ({ value: s.id, label: personName(s) })),
          ]}
        />
      </Group>

      {classes.isPending ? (
        <PageLoader />
      ) : classes.isError ? (
        <RecordErrorAlert error={classes.error} />
      ) : rows.length === 0 ? (
        <Text>{t('classes.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>{t('classes.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('classes.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('classes.columns.subject')}</Table.Th>
                <Table.Th scope="col">{t('classes.columns.group')}</Table.Th>
                <Table.Th scope="col">{t('classes.columns.term')}</Table.Th>
                <Table.Th scope="col">{t('classes.columns.room')}</Table.Th>
                <Table.Th scope="col">{t('classes.columns.teachers')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/classes/${item.id}`}>
                      {item.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{lookups.subjectName(item.subjectId)}</Table.Td>
                  <Table.Td>{lookups.groupLabel(item)}</Table.Td>
                  <Table.Td>{lookups.termName(item.termId)}</Table.Td>
                  <Table.Td>{lookups.roomName(item.roomId)}</Table.Td>
                  <Table.Td>{joinNames(item.teacherIds.map(lookups.teacherName), locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton
        hasNextPage={classes.hasNextPage}
        isFetchingNextPage={classes.isFetchingNextPage}
        fetchNextPage={classes.fetchNextPage}
      />

      {canManage && (
        <ClassDialog
          opened={adding}
          item={null}
          lookups={lookups}
          onClose={() => setAdding(false)}
          onSaved={(saved) => {
            setAdding(false);
            void navigate({ to: `/classes/${saved.id}` });
          }}
        />
      )}
    </Stack>
  );
}
