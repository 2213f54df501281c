import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { Student } from '../../../../shared/contracts/people.js';
import { FactList } from '../../../components/fact-list';
import { PageLoader } from '../../../components/page-loader';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate } from '../../../lib/calendar-date';
import { joinNames, personName } from '../../../lib/person-name';
import type { SectionOption } from '../../academics/api/sections';
import { useStudentClasses } from '../api/list-student-classes';

interface StudentEnrollmentPanelProps {
  student: Student;
  sections: SectionOption[];
  /** Whether class pages are open to the actor, to link to them. */
  canOpenClasses: boolean;
}

/** The student's section and the classes they attend today. */
export function StudentEnrollmentPanel({
  student,
  sections,
  canOpenClasses,
}: StudentEnrollmentPanelProps) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const classesHeadingId = useId();
  const classes = useStudentClasses(student.id);
  const section = sections.find((option) => option.section.id === student.sectionId);

  return (
    <Stack gap="lg">
      <FactList
        facts={[
          {
            label: t('students.fields.section'),
            value: section?.label ?? t('students.noSection'),
          },
          {
            label: t('students.fields.enrolledOn'),
            value: student.enrolledOn
              ? formatCalendarDate(student.enrolledOn, locale)
              : t('records.notRecorded'),
          },
        ]}
      />
      <section aria-labelledby={classesHeadingId}>
        <Title order={3} size="h4" id={classesHeadingId} mb="sm">
          {t('students.enrollment.classesHeading')}
        </Title>
        {classes.isPending ? (
          <PageLoader />
        ) : classes.isError ? (
          <RecordErrorAlert error={classes.error} />
        ) : classes.data.items.length === 0 ? (
          <Text>{t('students.enrollment.noClasses')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('classes.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('classes.columns.subject')}</Table.Th>
                  <Table.Th scope="col">{t('classes.columns.teachers')}</Table.Th>
                  <Table.Th scope="col">{t('classes.columns.room')}</Table.Th>
                  <Table.Th scope="col">{t('students.enrollment.since')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {classes.data.items.map((item) => (
                  <Table.Tr key={item.enrollment.id}>
                    <Table.Th scope="row" fw={500}>
                      {canOpenClasses ? (
                        <Anchor component={Link} to={`/classes/${item.id}`}>
                          {item.name}
                        </Anchor>
                      ) : (
                        item.name
                      )}
                    </Table.Th>
                    <Table.Td>{item.subject.name}</Table.Td>
                    <Table.Td>{joinNames(item.teachers.map(personName), locale)}</Table.Td>
                    <Table.Td>{item.room?.name ?? '—'}</Table.Td>
                    <Table.Td>{formatCalendarDate(item.enrollment.startsOn, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
