import { Badge, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';

import type {
  StudentClassGrades,
  StudentGradeAssessment,
} from '../../../../shared/contracts/gradebook.js';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { StatusPage, statusKindOf } from '../../../components/status-page';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate } from '../../../lib/calendar-date';
import { joinNames, personName } from '../../../lib/person-name';
import { useTerms } from '../../academics/api/terms';
import { useCurrentMe } from '../../auth/api/get-me';
import { useStudents } from '../../students/api/list-students';
import { useStudentGrades } from '../api/get-student-grades';
import { GradebookErrorAlert } from '../components/gradebook-error-alert';
import { formatPercent, formatPoints } from '../grade-format';
import { useGradebookT } from '../use-gradebook-t';
import type { GradebookT } from '../use-gradebook-t';

/**
 * /grades, for students and guardians: each class's published assessments with the score,
 * and the average over them. A guardian picks one of her children first.
 */
export function GradesPage() {
  const gt = useGradebookT();
  const me = useCurrentMe();
  const isGuardian = me.scopes['grades:read']?.includes('children') ?? false;
  // Only the students the reader may see come back: herself, or a guardian's children.
  const students = useStudents({});
  const [chosen, setChosen] = useState<string | null>(null);
  const list = students.data?.pages.flatMap((page) => page.items) ?? [];
  const studentId = chosen ?? list[0]?.id ?? null;

  return (
    <Stack gap="lg">
      <PageHeader
        title={gt('gradebook.grades.title')}
        description={gt('gradebook.grades.description')}
      />
      {students.isPending ? (
        <PageLoader />
      ) : students.isError ? (
        <GradebookErrorAlert error={students.error} />
      ) : list.length === 0 ? (
        <Text>{gt('gradebook.grades.noStudent')}</Text>
      ) : (
        <>
          {list.length === 1 && isGuardian && list[0] && (
            <Title order={2} size="h3">
              {gt('gradebook.grades.forStudent', { name: personName(list[0]) })}
            </Title>
          )}
          {list.length > 1 && (
            <NativeSelect
              label={gt('gradebook.grades.child')}
              value={studentId ?? ''}
              onChange={(e) => setChosen(e.currentTarget.value)}
              data={list.map((s) => ({ value: s.id, label: personName(s) }))}
              maw={360}
            />
          )}
          {studentId && <StudentGrades key={studentId} studentId={studentId} />}
        </>
      )}
    </Stack>
  );
}

function StudentGrades({ studentId }: { studentId: string }) {
  const gt = useGradebookT();
  const terms = useTerms();
  const [termId, setTermId] = useState<string | null>(null);
  const grades = useStudentGrades(studentId, termId);

  if (grades.isPending) return <PageLoader />;
  if (grades.isError) {
    const kind = statusKindOf(grades.error);
    return kind === 'error' ? (
      <GradebookErrorAlert error={grades.error} />
    ) : (
      <StatusPage kind={kind} headingOrder={2} />
    );
  }
  const data = grades.data;
  const termOptions = (terms.data ?? []).map((term) => ({ value: term.id, label: term.name }));
  return (
    <Stack gap="md">
      {termOptions.length > 0 && (
        <NativeSelect
          label={gt('gradebook.grades.term')}
          value={termId ?? data.term?.id ?? ''}
          onChange={(e) => setTermId(e.currentTarget.value)}
          data={termOptions}
          maw={360}
        />
      )}
      {data.term === null || data.classes.length === 0 ? (
        <Text>{gt('gradebook.grades.noClasses')}</Text>
      ) : (
        data.classes.map((c) => <ClassGrades key={c.class.id} grades={c} />)
      )}
      <Text size="sm" c="dimmed">
        {data.missingCountsAsZero
          ? gt('gradebook.grades.missingCountsAsZero')
          : gt('gradebook.grades.missingLeftOut')}
      </Text>
    </Stack>
  );
}

function scoreText(gt: GradebookT, a: StudentGradeAssessment, format: (n: number) => string) {
  if (!a.score) return gt('gradebook.grades.notGraded');
  if (a.score.status === 'excused') return gt('gradebook.status.excused');
  if (a.score.status === 'missing') return gt('gradebook.status.missing');
  return gt('gradebook.grades.pointsOf', {
    points: format(a.score.points ?? 0),
    max: format(a.maxScore),
  });
}

function ClassGrades({ grades }: { grades: StudentClassGrades }) {
  const gt = useGradebookT();
  const { locale } = useAppLocale();
  const headingId = useId();
  const categories = new Map(grades.categories.map((c) => [c.id, c]));
  const points = (n: number) => formatPoints(n, locale);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id={headingId}>
              {grades.class.name}
            </Title>
            <Text size="sm" c="dimmed">
              {gt('gradebook.grades.classFacts', {
                subject: grades.subject.name,
                teachers: joinNames(grades.teachers.map(personName), locale),
              })}
            </Text>
          </div>
          <Stack gap={2} align="flex-end">
            <Text fw={700} size="lg">
              {grades.percent === null
                ? gt('gradebook.noGradeYet')
                : formatPercent(grades.percent, locale)}
            </Text>
            {grades.band && (
              <Badge size="lg" variant="light">
                {grades.band}
              </Badge>
            )}
          </Stack>
        </Group>
        {grades.assessments.length === 0 ? (
          <Text c="dimmed">{gt('gradebook.grades.noAssessments')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Caption>
                {gt('gradebook.grades.caption', { name: grades.class.name })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{gt('gradebook.grades.assessment')}</Table.Th>
                  <Table.Th scope="col">{gt('gradebook.grades.category')}</Table.Th>
                  <Table.Th scope="col">{gt('gradebook.grades.due')}</Table.Th>
                  <Table.Th scope="col">{gt('gradebook.grades.score')}</Table.Th>
                  <Table.Th scope="col">{gt('gradebook.grades.comment')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {grades.assessments.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Th scope="row" fw={500}>
                      {a.title}
                    </Table.Th>
                    <Table.Td>{categories.get(a.categoryId)?.name ?? ''}</Table.Td>
                    <Table.Td>{a.dueOn ? formatCalendarDate(a.dueOn, locale) : '—'}</Table.Td>
                    <Table.Td>{scoreText(gt, a, points)}</Table.Td>
                    <Table.Td>{a.score?.comment ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {grades.categories.length > 0 && (
          <Text size="sm" c="dimmed">
            {grades.categories
              .map((c) =>
                gt('gradebook.grades.categorySummary', {
                  name: c.name,
                  percent: c.percent === null ? '—' : formatPercent(c.percent, locale),
                }),
              )
              .join(' · ')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
