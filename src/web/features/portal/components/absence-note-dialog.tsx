import { Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { todayIn } from '../../../lib/calendar-date';
import { splitErrorDetails } from '../../../lib/form-errors';
import { detailMessage } from '../../../lib/error-messages';
import { useSchool } from '../../../lib/school-context';
import { ABSENCE_REASON_MAX, checkAbsenceNote } from '../absence-note-form';
import type { AbsenceNoteProblem, AbsenceNoteValues } from '../absence-note-form';
import { useSubmitAbsenceNote } from '../api/submit-absence-note';
import { usePortalT } from '../use-portal-t';

interface AbsenceNoteDialogProps {
  opened: boolean;
  studentId: string;
  studentName: string;
  onClose: () => void;
  onSent: () => void;
}

export function AbsenceNoteDialog(props: AbsenceNoteDialogProps) {
  const pt = usePortalT();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={pt('portal.notes.dialogTitle', { name: props.studentName })}
    >
      {props.opened && <AbsenceNoteForm {...props} />}
    </Modal>
  );
}

const FIELDS = ['startsOn', 'endsOn', 'reason'] as const;
type Field = (typeof FIELDS)[number];

function AbsenceNoteForm({ studentId, studentName, onClose, onSent }: AbsenceNoteDialogProps) {
  const { t } = useTranslation();
  const pt = usePortalT();
  const school = useSchool();
  const submit = useSubmitAbsenceNote();
  const today = todayIn(school.timezone);
  const [values, setValues] = useState<AbsenceNoteValues>({
    startsOn: today,
    endsOn: today,
    reason: '',
  });
  const [problems, setProblems] = useState<Partial<Record<Field, AbsenceNoteProblem>>>({});
  const server = splitErrorDetails(submit.error, FIELDS);

  function message(field: Field): string | undefined {
    const problem = problems[field];
    if (problem === 'required') return t('validation.required');
    if (problem === 'format') return t('validation.format');
    if (problem === 'endsBeforeStarts') return pt('portal.notes.endsBeforeStarts');
    if (problem === 'tooLong') return pt('portal.notes.tooLong', { max: ABSENCE_REASON_MAX });
    const detail = server.fields[field];
    if (!detail) return undefined;
    return detail.code === 'before_start'
      ? pt('portal.notes.endsBeforeStarts')
      : detailMessage(t, detail);
  }

  function set(field: Field, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setProblems((current) => {
      const next = { ...current };
      delete next[field];
      return next;
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkAbsenceNote(values);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      const first = FIELDS.find((field) => found[field]);
      if (first) event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    submit.mutate(
      {
        studentId,
        startsOn: values.startsOn,
        endsOn: values.endsOn,
        reason: values.reason.trim(),
      },
      { onSuccess: onSent },
    );
  }

  // A refusal that names only fields of the form is shown beside them; any other above it.
  const besideFields = Object.keys(server.fields).length > 0 && server.other.length === 0;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {!besideFields && <ErrorAlert error={submit.error} />}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            type="date"
            name="startsOn"
            label={pt('portal.notes.startsOn')}
            required
            data-autofocus
            value={values.startsOn}
            onChange={(e) => set('startsOn', e.currentTarget.value)}
            error={message('startsOn')}
          />
          <TextInput
            type="date"
            name="endsOn"
            label={pt('portal.notes.endsOn')}
            required
            min={values.startsOn || undefined}
            value={values.endsOn}
            onChange={(e) => set('endsOn', e.currentTarget.value)}
            error={message('endsOn')}
          />
        </SimpleGrid>
        <Textarea
          name="reason"
          label={pt('portal.notes.reason')}
          description={pt('portal.notes.reasonHint', { name: studentName })}
          required
          autosize
          minRows={3}
          maxLength={ABSENCE_REASON_MAX}
          value={values.reason}
          onChange={(e) => set('reason', e.currentTarget.value)}
          error={message('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submit.isPending} disabled={submit.isPending}>
            {pt('portal.notes.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
