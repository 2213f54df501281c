import { Button, Group, Modal, NativeSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Student } from '../../../../shared/contracts/people.js';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { useRecordFieldErrors } from '../../../lib/record-errors';
import { useForm } from '../../../lib/use-form';
import type { SectionOption } from '../../academics/api/sections';
import { useCreateStudent } from '../api/create-student';

import { checkStudentValues, STUDENT_FIELDS, studentValues } from '../student-values';

import { StudentFields } from './student-fields';

interface AddStudentDialogProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (student: Student) => void;
  sections: SectionOption[];
}

export function AddStudentDialog({ opened, onClose, onCreated, sections }: AddStudentDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('students.add.title')} size="lg">
      {/* Mounted only while open, so every new student starts from an empty form. */}
      {opened && <AddStudentForm onCancel={onClose} onCreated={onCreated} sections={sections} />}
    </Modal>
  );
}

const FIELDS = [...STUDENT_FIELDS, 'status'] as const;

function AddStudentForm({
  onCancel,
  onCreated,
  sections,
}: {
  onCancel: () => void;
  onCreated: (student: Student) => void;
  sections: SectionOption[];
}) {
  const { t } = useTranslation();
  const create = useCreateStudent();
  const form = useForm(studentValues());
  // New records start as applicants, or enrolled for a student who already attends.
  const [status, setStatus] = useState<'applicant' | 'enrolled'>('enrolled');
  const serverErrors = useRecordFieldErrors(create.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = form.values;
    if (!form.check(checkStudentValues(v, t('validation.required')))) return;
    create.mutate(
      {
        admissionNumber: v.admissionNumber.trim(),
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        gender: v.gender,
        status,
        ...(v.dateOfBirth ? { dateOfBirth: v.dateOfBirth } : {}),
        ...(v.enrolledOn ? { enrolledOn: v.enrolledOn } : {}),
        ...(v.sectionId ? { sectionId: v.sectionId } : {}),
      },
      { onSuccess: onCreated, onError: form.focusFirstError },
    );
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <RecordErrorAlert error={create.error} />
        <StudentFields
          values={form.values}
          errors={{ ...serverErrors, ...form.errors }}
          sections={sections}
          onChange={form.setValue}
          autoFocus
        />
        <NativeSelect
          label={t('students.fields.status')}
          value={status}
          onChange={(e) =>
            setStatus(e.currentTarget.value === 'applicant' ? 'applicant' : 'enrolled')
          }
          error={serverErrors.status}
          data={[
            { value: 'enrolled', label: t('studentStatus.enrolled') },
            { value: 'applicant', label: t('studentStatus.applicant') },
          ]}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={create.isPending}>
            {t('students.add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
