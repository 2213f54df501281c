import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SchoolClass } from '../../../../shared/contracts/academics.js';
import type { RosterEntry } from '../../../../shared/contracts/enrollment.js';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FactList } from '../../../components/fact-list';
import { LoadMoreButton } from '../../../components/load-more-button';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { StatusPage, statusKindOf } from '../../../components/status-page';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate, todayIn } from '../../../lib/calendar-date';
import { hasNavigationEntry } from '../../../lib/navigation-entries';
import { hasPermission } from '../../../lib/permissions';
import { joinNames, personName } from '../../../lib/person-name';
import { useSchool } from '../../../lib/school-context';
import { useCurrentMe } from '../../auth/api/get-me';
import { useNavigation } from '../../auth/api/get-navigation';
import { useDeleteClass } from '../api/delete-class';
import { useEndClassEnrollment } from '../api/end-class-enrollment';
import { useClass } from '../api/get-class';
import { useClassRoster } from '../api/get-class-roster';
import { ClassDialog } from '../components/class-dialog';
import { EnrollStudentsDialog } from '../components/enroll-students-dialog';
import { useClassLookups } from '../use-class-lookups';

export function ClassDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false });
  const item = useClass(id ?? '');

  if (item.isPending) return <PageLoader />;
  if (item.isError) {
    const kind = statusKindOf(item.error);
    return kind === 'error' ? (
      <RecordErrorAlert error={item.error} />
    ) : (
      <StatusPage kind={kind} homePath="/classes" />
    );
  }
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/classes" size="sm">
        {t('common.backToList')}
      </Anchor>
      <ClassProfile item={item.data} />
    </Stack>
  );
}

function ClassProfile({ item }: { item: SchoolClass }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const lookups = useClassLookups();
  const canManage = hasPermission(me, 'academics:manage');
  const remove = useDeleteClass();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [saved, setSaved] = useState(false);

  const closeDelete = () => {
    remove.reset();
    setDeleting(false);
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={item.name}
        actions={
          canManage && (
            <Group gap="sm">
              <Button
                variant="light"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('classes.detail.edit')}
              </Button>
              <Button variant="outline" color="red" onClick={() => setDeleting(true)}>
                {t('classes.detail.delete')}
              </Button>
            </Group>
          )
        }
      />
      {saved && <SuccessAlert>{t('common.saved')}</SuccessAlert>}
      <FactList
        facts={[
          { label: t('classes.columns.subject'), value: lookups.subjectName(item.subjectId) },
          { label: t('classes.columns.group'), value: lookups.groupLabel(item) },
          { label: t('classes.columns.term'), value: lookups.termName(item.termId) },
          { label: t('classes.columns.room'), value: lookups.roomName(item.roomId) },
          {
            label: t('classes.columns.teachers'),
            value: joinNames(item.teacherIds.map(lookups.teacherName), locale),
          },
        ]}
      />
      <ClassRoster item={item} />

      {canManage && (
        <>
          <ClassDialog
            opened={editing}
            item={item}
            lookups={lookups}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
            }}
          />
          <ConfirmDialog
            opened={deleting}
            title={t('classes.detail.deleteTitle', { name: item.name })}
            confirmLabel={t('classes.detail.delete')}
            danger
            pending={remove.isPending}
            error={remove.error}
            onClose={closeDelete}
            onConfirm={() =>
              remove.mutate(item.id, { onSuccess: () => void navigate({ to: '/classes' }) })
            }
          >
            <Text>{t('classes.detail.deleteConfirm')}</Text>
          </ConfirmDialog>
        </>
      )}
    </Stack>
  );
}

function ClassRoster({ item }: { item: SchoolClass }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const school = useSchool();
  const me = useCurrentMe();
  const navigation = useNavigation();
  const canEnroll = hasPermission(me, 'enrollment:manage');
  const canOpenStudents = hasNavigationEntry(navigation, 'students', 'children');
  const headingId = useId();
  const roster = useClassRoster(item.id);
  const end = useEndClassEnrollment(item.id);
  const [enrolling, setEnrolling] = useState(false);
  const [ending, setEnding] = useState<RosterEntry | null>(null);
  const [endsOn, setEndsOn] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const rows = roster.data?.pages.flatMap((page) => page.items) ?? [];

  const closeEnd = () => {
    end.reset();
    setEnding(null);
  };

  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h3" id={headingId}>
          {t('classes.roster.heading')}
        </Title>
        {canEnroll && (
          <Button
            onClick={() => {
              setNotice(null);
              setEnrolling(true);
            }}
          >
            {t('classes.enroll.open')}
          </Button>
        )}
      </Group>
      <Stack gap="md">
        {notice && <SuccessAlert>{notice}</SuccessAlert>}
        {roster.isPending ? (
          <PageLoader />
        ) : roster.isError ? (
          <RecordErrorAlert error={roster.error} />
        ) : rows.length === 0 ? (
          <Text>{t('classes.roster.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="sm">
              <Table.Caption>{t('classes.roster.caption', { name: item.name })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('students.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('students.columns.admissionNumber')}</Table.Th>
                  <Table.Th scope="col">{t('classes.roster.from')}</Table.Th>
                  <Table.Th scope="col">{t('classes.roster.until')}</Table.Th>
                  {canEnroll && <Table.Th scope="col">{t('records.columns.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((entry) => {
                  const name = personName(entry);
                  return (
                    <Table.Tr key={entry.enrollmentId}>
                      <Table.Th scope="row" fw={500}>
                        {canOpenStudents ? (
                          <Anchor component={Link} to={`/students/${entry.studentId}`}>
                            {name}
                          </Anchor>
                        ) : (
                          name
                        )}
                      </Table.Th>
                      <Table.Td>
                        <bdi>{entry.admissionNumber}</bdi>
                      </Table.Td>
                      <Table.Td>{formatCalendarDate(entry.startsOn, locale)}</Table.Td>
                      <Table.Td>
                        {entry.endsOn
                          ? formatCalendarDate(entry.endsOn, locale)
                          : t('classes.roster.open')}
                      </Table.Td>
                      {canEnroll && (
                        <Table.Td>
                          {!entry.endsOn && (
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              aria-label={t('classes.roster.endLabel', { name })}
                              onClick={() => {
                                setNotice(null);
                                setEndsOn(todayIn(school.timezone));
                                setEnding(entry);
                              }}
                            >
                              {t('classes.roster.end')}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMoreButton
          hasNextPage={roster.hasNextPage}
          isFetchingNextPage={roster.isFetchingNextPage}
          fetchNextPage={roster.fetchNextPage}
        />
      </Stack>

      {canEnroll && (
        <>
          <EnrollStudentsDialog
            classId={item.id}
            className={item.name}
            opened={enrolling}
            onClose={() => setEnrolling(false)}
            onEnrolled={(result) => {
              setEnrolling(false);
              setNotice(
                t('classes.enroll.done', {
                  created: result.created.length,
                  unchanged: result.unchanged.length,
                }),
              );
            }}
          />
          <ConfirmDialog
            opened={ending !== null}
            title={ending ? t('classes.roster.endTitle', { name: personName(ending) }) : ''}
            confirmLabel={t('classes.roster.end')}
            danger
            pending={end.isPending}
            error={end.error}
            onClose={closeEnd}
            onConfirm={() => {
              if (!ending) return;
              end.mutate(
                { enrollmentId: ending.enrollmentId, endsOn: endsOn || undefined },
                {
                  onSuccess: () => {
                    setNotice(t('classes.roster.ended', { name: personName(ending) }));
                    setEnding(null);
                  },
                },
              );
            }}
          >
            <Text>{t('classes.roster.endConfirm')}</Text>
            <TextInput
              label={t('classes.roster.lastDay')}
              type="date"
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
            />
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}
