import { Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useId, useState } from 'react';

import type { AbsenceNote } from '../../../../shared/contracts/attendance.js';
import { LoadMoreButton } from '../../../components/load-more-button';
import { PageLoader } from '../../../components/page-loader';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate, todayIn } from '../../../lib/calendar-date';
import { useForm } from '../../../lib/use-form';
import { useSchool } from '../../../lib/school-context';
import { useAttendanceFieldErrors } from '../attendance-errors';
import { useAbsenceNotes } from '../api/list-absence-notes';
import { useSubmitAbsenceNote } from '../api/submit-absence-note';
import { useWithdrawAbsenceNote } from '../api/withdraw-absence-note';
import { useAttendanceT } from '../use-attendance-t';

import { AttendanceErrorAlert } from './attendance-error-alert';
import { NoteStatusBadge } from './note-status-badge';

const FIELDS = ['startsOn', 'endsOn', 'reason'] as const;

/** A guardian's notes for one child, with a form to send a new one. */
export function ChildAbsenceNotes({ studentId }: { studentId: string }) {
  const at = useAttendanceT();
  const { locale } = useAppLocale();
  const headingId = useId();
  const notes = useAbsenceNotes({ studentId });
  const withdraw = useWithdrawAbsenceNote();
  const [notice, setNotice] = useState<string | null>(null);
  const rows = notes.data?.pages.flatMap((page) => page.items) ?? [];
  const dates = (note: AbsenceNote) =>
    at('attendance.notes.dates', {
      from: formatCalendarDate(note.startsOn, locale),
      to: formatCalendarDate(note.endsOn, locale),
    });

  return (
    <section aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {at('attendance.guardian.notesHeading')}
        </Title>
        {notice && <SuccessAlert>{notice}</SuccessAlert>}
        <AttendanceErrorAlert error={withdraw.error} />
        {notes.isPending ? (
          <PageLoader />
        ) : notes.isError ? (
          <AttendanceErrorAlert error={notes.error} />
        ) : rows.length === 0 ? (
          <Text>{at('attendance.notes.empty')}</Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {rows.map((note) => (
              <Paper component="li" key={note.id} withBorder p="sm">
                <Group justify="space-between" align="flex-start">
                  <Stack gap={4}>
                    <Group gap="sm">
                      <Text fw={600}>{dates(note)}</Text>
                      <NoteStatusBadge status={note.status} />
                    </Group>
                    <Text size="sm">{note.reason}</Text>
                    {note.reviewComment && (
                      <Text size="sm" c="dimmed">
                        {note.reviewComment}
                      </Text>
                    )}
                  </Stack>
                  {note.status === 'pending' && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={withdraw.isPending && withdraw.variables === note.id}
                      aria-label={at('attendance.guardian.withdrawFor', { dates: dates(note) })}
                      onClick={() => {
                        setNotice(null);
                        withdraw.mutate(note.id, {
                          onSuccess: () => setNotice(at('attendance.guardian.withdrawn')),
                        });
                      }}
                    >
                      {at('attendance.guardian.withdraw')}
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        <LoadMoreButton
          hasNextPage={notes.hasNextPage}
          isFetchingNextPage={notes.isFetchingNextPage}
          fetchNextPage={notes.fetchNextPage}
        />
        <AbsenceNoteForm
          studentId={studentId}
          onSent={() => setNotice(at('attendance.guardian.sent'))}
        />
      </Stack>
    </section>
  );
}

function AbsenceNoteForm({ studentId, onSent }: { studentId: string; onSent: () => void }) {
  const at = useAttendanceT();
  const school = useSchool();
  const headingId = useId();
  const today = todayIn(school.timezone);
  const submit = useSubmitAbsenceNote();
  const form = useForm({ startsOn: today, endsOn: today, reason: '' });
  const serverErrors = useAttendanceFieldErrors(submit.error, FIELDS);
  const { values, errors } = form;
  const required = at('attendance.open.required');

  return (
    <Paper withBorder p="md">
      <form
        ref={form.formRef}
        aria-labelledby={headingId}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const found: Partial<Record<(typeof FIELDS)[number], string>> = {};
          if (!values.startsOn) found.startsOn = required;
          if (!values.endsOn) found.endsOn = required;
          else if (values.startsOn && values.endsOn < values.startsOn) {
            found.endsOn = at('attendance.guardian.endBeforeStart');
          }
          if (!values.reason.trim()) found.reason = required;
          if (!form.check(found)) return;
          submit.mutate(
            {
              studentId,
              startsOn: values.startsOn,
              endsOn: values.endsOn,
              reason: values.reason.trim(),
            },
            {
              onSuccess: () => {
                form.setValues({ startsOn: today, endsOn: today, reason: '' });
                onSent();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4" id={headingId}>
            {at('attendance.guardian.newNote')}
          </Title>
          <Group align="flex-start">
            <TextInput
              type="date"
              label={at('attendance.guardian.startsOn')}
              required
              value={values.startsOn}
              error={errors.startsOn ?? serverErrors.startsOn}
              onChange={(event) => form.setValue('startsOn', event.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={at('attendance.guardian.endsOn')}
              required
              value={values.endsOn}
              min={values.startsOn || undefined}
              error={errors.endsOn ?? serverErrors.endsOn}
              onChange={(event) => form.setValue('endsOn', event.currentTarget.value)}
            />
          </Group>
          <Textarea
            label={at('attendance.guardian.reason')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={values.reason}
            error={errors.reason ?? serverErrors.reason}
            onChange={(event) => form.setValue('reason', event.currentTarget.value)}
          />
          <AttendanceErrorAlert error={submit.error} />
          <Group>
            <Button type="submit" loading={submit.isPending}>
              {at('attendance.guardian.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
