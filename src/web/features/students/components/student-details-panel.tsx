import { Button, Group, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Student } from '../../../../shared/contracts/people.js';
import { FactList } from '../../../components/fact-list';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate } from '../../../lib/calendar-date';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useForm } from '../../../lib/use-form';
import type { SectionOption } from '../../academics/api/sections';
import { useUpdateStudent } from '../api/update-student';

import { StudentStatusBadge } from './student-status-badge';
import {
  checkStudentValues,
  STUDENT_FIELDS,
  studentChanges,
  studentValues,
} from '../student-values';
import type { StudentValues } from '../student-values';

import { StudentFields } from './student-fields';

interface StudentDetailsPanelProps {
  student: Student;
  sections: SectionOption[];
  canManage: boolean;
}

export function StudentDetailsPanel({ student, sections, canManage }: StudentDetailsPanelProps) {
  return canManage ? (
    <StudentEditForm key={student.id} student={student} sections={sections} />
  ) : (
    <StudentFacts student={student} sections={sections} />
  );
}

function StudentFacts({ student, sections }: { student: Student; sections: SectionOption[] }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const section = sections.find((option) => option.section.id === student.sectionId);
  return (
    <FactList
      facts={[
        {
          label: t('students.fields.admissionNumber'),
          value: <bdi>{student.admissionNumber}</bdi>,
        },
        {
          label: t('students.fields.status'),
          value: <StudentStatusBadge status={student.status} />,
        },
        { label: t('students.fields.section'), value: section?.label ?? t('students.noSection') },
        {
          label: t('students.fields.dateOfBirth'),
          value: student.dateOfBirth
            ? formatCalendarDate(student.dateOfBirth, locale)
            : t('records.notRecorded'),
        },
        { label: t('students.fields.gender'), value: t(`gender.${student.gender}`) },
        {
          label: t('students.fields.enrolledOn'),
          value: student.enrolledOn
            ? formatCalendarDate(student.enrolledOn, locale)
            : t('records.notRecorded'),
        },
      ]}
    />
  );
}

function StudentEditForm({ student, sections }: { student: Student; sections: SectionOption[] }) {
  const { t } = useTranslation();
  const update = useUpdateStudent(student.id);
  const initial = useMemo(() => studentValues(student), [student]);
  const form = useForm<StudentValues>(initial);
  const serverErrors = useRecordFieldErrors(update.error, STUDENT_FIELDS);
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (!form.check(checkStudentValues(form.values, t('validation.required')))) return;
    const body = studentChanges(student, form.values);
    if (Object.keys(body).length === 0) {
      setSaved(true);
      return;
    }
    update.mutate(body, { onSuccess: () => setSaved(true), onError: form.focusFirstError });
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-label={t('students.tabs.details')}>
      <Stack gap="md">
        {saved && <SuccessAlert>{t('common.saved')}</SuccessAlert>}
        <RecordErrorAlert error={update.error} />
        <StudentFields
          values={form.values}
          errors={{ ...serverErrors, ...form.errors }}
          sections={sections}
          onChange={form.setValue}
        />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={update.isPending}>
            {t('records.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
