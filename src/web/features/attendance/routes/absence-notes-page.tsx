import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';

import {
  ABSENCE_NOTE_STATUS_VALUES,
  type AbsenceNote,
  type AbsenceNoteStatus,
} from '../../../../shared/contracts/attendance.js';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { LoadMoreButton } from '../../../components/load-more-button';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { StatusPage } from '../../../components/status-page';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate } from '../../../lib/calendar-date';
import { formatDateTime } from '../../../lib/format';
import { useSchool } from '../../../lib/school-context';
import { useCurrentMe } from '../../auth/api/get-me';
import { useAbsenceNotes } from '../api/list-absence-notes';
import { useReviewAbsenceNote } from '../api/review-absence-note';
import { attendanceAccess } from '../attendance-access';
import { AttendanceErrorAlert } from '../components/attendance-error-alert';
import { NoteStatusBadge } from '../components/note-status-badge';
import { useAttendanceT } from '../use-attendance-t';

function isNoteStatus(value: string): value is AbsenceNoteStatus {
  return (ABSENCE_NOTE_STATUS_VALUES as readonly string[]).includes(value);
}

/** The inbox of guardians' notes: reviewers accept or reject; teachers read their students'. */
export function AbsenceNotesPage() {
  const at = useAttendanceT();
  const me = useCurrentMe();
  const { locale } = useAppLocale();
  const school = useSchool();
  const access = attendanceAccess(me);
  const [status, setStatus] = useState<AbsenceNoteStatus | ''>('pending');
  const notes = useAbsenceNotes(status ? { status } : {}, access.seesNotesInbox);
  const review = useReviewAbsenceNote();
  const [reviewing, setReviewing] = useState<{
    note: AbsenceNote;
    decision: 'accept' | 'reject';
  } | null>(null);
  const [comment, setComment] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  if (!access.seesNotesInbox) return <StatusPage kind="forbidden" homePath="/attendance" />;
  const rows = notes.data?.pages.flatMap((page) => page.items) ?? [];
  const dates = (note: AbsenceNote) =>
    at('attendance.notes.dates', {
      from: formatCalendarDate(note.startsOn, locale),
      to: formatCalendarDate(note.endsOn, locale),
    });
  const close = () => {
    review.reset();
    setReviewing(null);
    setComment('');
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/attendance" size="sm">
        {at('attendance.links.back')}
      </Anchor>
      <PageHeader title={at('attendance.notes.title')} />
      <NativeSelect
        label={at('attendance.notes.status')}
        value={status}
        data={[
          { value: '', label: at('attendance.notes.all') },
          ...ABSENCE_NOTE_STATUS_VALUES.map((s) => ({
            value: s,
            label: at(`attendance.noteStatus.${s}`),
          })),
        ]}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setStatus(isNoteStatus(value) ? value : '');
        }}
        maw={240}
      />
      {notice && <SuccessAlert>{notice}</SuccessAlert>}
      {notes.isPending ? (
        <PageLoader />
      ) : notes.isError ? (
        <AttendanceErrorAlert error={notes.error} />
      ) : rows.length === 0 ? (
        <Text>{at('attendance.notes.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{at('attendance.notes.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{at('attendance.notes.columns.student')}</Table.Th>
                <Table.Th scope="col">{at('attendance.notes.columns.dates')}</Table.Th>
                <Table.Th scope="col">{at('attendance.notes.columns.reason')}</Table.Th>
                <Table.Th scope="col">{at('attendance.notes.columns.guardian')}</Table.Th>
                <Table.Th scope="col">{at('attendance.notes.columns.status')}</Table.Th>
                <Table.Th scope="col">{at('attendance.notes.columns.review')}</Table.Th>
                {access.reviewsNotes && (
                  <Table.Th scope="col">{at('attendance.notes.columns.actions')}</Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((note) => (
                <Table.Tr key={note.id}>
                  <Table.Th scope="row" fw={500}>
                    {note.studentName}
                  </Table.Th>
                  <Table.Td>{dates(note)}</Table.Td>
                  <Table.Td maw={320}>{note.reason}</Table.Td>
                  <Table.Td>{note.guardianName}</Table.Td>
                  <Table.Td>
                    <NoteStatusBadge status={note.status} />
                  </Table.Td>
                  <Table.Td>
                    {note.reviewedByName && note.reviewedAt && (
                      <Text size="sm">
                        {at('attendance.notes.reviewedBy', {
                          name: note.reviewedByName,
                          time: formatDateTime(note.reviewedAt, locale, school.timezone),
                        })}
                      </Text>
                    )}
                    {note.reviewComment && (
                      <Text size="sm" c="dimmed">
                        {note.reviewComment}
                      </Text>
                    )}
                  </Table.Td>
                  {access.reviewsNotes && (
                    <Table.Td>
                      {note.status === 'pending' && (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            aria-label={at('attendance.notes.acceptFor', {
                              name: note.studentName,
                            })}
                            onClick={() => {
                              setNotice(null);
                              setReviewing({ note, decision: 'accept' });
                            }}
                          >
                            {at('attendance.notes.accept')}
                          </Button>
                          <Button
                            size="xs"
                            variant="outline"
                            color="red"
                            aria-label={at('attendance.notes.rejectFor', {
                              name: note.studentName,
                            })}
                            onClick={() => {
                              setNotice(null);
                              setReviewing({ note, decision: 'reject' });
                            }}
                          >
                            {at('attendance.notes.reject')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton
        hasNextPage={notes.hasNextPage}
        isFetchingNextPage={notes.isFetchingNextPage}
        fetchNextPage={notes.fetchNextPage}
      />
      {access.reviewsNotes && (
        <ConfirmDialog
          opened={reviewing !== null}
          title={
            reviewing
              ? at(
                  reviewing.decision === 'accept'
                    ? 'attendance.notes.acceptTitle'
                    : 'attendance.notes.rejectTitle',
                  { name: reviewing.note.studentName },
                )
              : ''
          }
          confirmLabel={
            reviewing?.decision === 'reject'
              ? at('attendance.notes.reject')
              : at('attendance.notes.accept')
          }
          danger={reviewing?.decision === 'reject'}
          pending={review.isPending}
          error={null}
          onClose={close}
          onConfirm={() => {
            if (!reviewing) return;
            review.mutate(
              {
                id: reviewing.note.id,
                decision: reviewing.decision,
                ...(comment.trim() ? { comment: comment.trim() } : {}),
              },
              {
                onSuccess: (result) => {
                  setNotice(
                    result.status === 'accepted'
                      ? at('attendance.notes.accepted', { count: result.excusedMarks })
                      : at('attendance.notes.rejected'),
                  );
                  close();
                },
              },
            );
          }}
        >
          {reviewing?.decision === 'accept' && (
            <Text size="sm">
              {at('attendance.notes.acceptExplain', {
                name: reviewing.note.studentName,
                dates: dates(reviewing.note),
              })}
            </Text>
          )}
          <Textarea
            label={at('attendance.notes.comment')}
            value={comment}
            maxLength={1000}
            autosize
            minRows={2}
            onChange={(event) => setComment(event.currentTarget.value)}
          />
          <AttendanceErrorAlert error={review.error} />
        </ConfirmDialog>
      )}
    </Stack>
  );
}
