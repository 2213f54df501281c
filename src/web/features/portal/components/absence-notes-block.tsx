import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';

import type { AbsenceNote } from '../../../../shared/contracts/attendance.js';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate } from '../../../lib/calendar-date';
import { useAbsenceNotes } from '../api/list-absence-notes';
import { useMoreLink } from '../use-more-link';
import { usePortalT } from '../use-portal-t';

import { AbsenceNoteDialog } from './absence-note-dialog';
import { AbsenceNoteStatusBadge } from './absence-note-status-badge';
import { HomeBlock, QueryContent } from './home-block';

interface AbsenceNotesBlockProps {
  studentId: string;
  studentName: string;
  order: 2 | 3;
}

/** A guardian's latest absence notes for one child, and a way to send a new one. */
export function AbsenceNotesBlock({ studentId, studentName, order }: AbsenceNotesBlockProps) {
  const pt = usePortalT();
  const notes = useAbsenceNotes(studentId);
  const more = useMoreLink('attendance', pt('portal.notes.more'));
  const [opened, setOpened] = useState(false);
  const [sent, setSent] = useState(false);
  return (
    <HomeBlock title={pt('portal.notes.heading')} order={order} more={more}>
      <Stack gap="sm">
        {sent && <SuccessAlert>{pt('portal.notes.sent')}</SuccessAlert>}
        <QueryContent query={notes}>
          {(data) =>
            data.items.length === 0 ? (
              <Text size="sm">{pt('portal.notes.none', { name: studentName })}</Text>
            ) : (
              <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
                {data.items.map((note) => (
                  <NoteLine key={note.id} note={note} />
                ))}
              </Stack>
            )
          }
        </QueryContent>
        <Group>
          <Button
            variant="light"
            size="sm"
            aria-label={pt('portal.notes.newFor', { name: studentName })}
            onClick={() => {
              setSent(false);
              setOpened(true);
            }}
          >
            {pt('portal.notes.new')}
          </Button>
        </Group>
      </Stack>
      <AbsenceNoteDialog
        opened={opened}
        studentId={studentId}
        studentName={studentName}
        onClose={() => setOpened(false)}
        onSent={() => {
          setOpened(false);
          setSent(true);
        }}
      />
    </HomeBlock>
  );
}

function NoteLine({ note }: { note: AbsenceNote }) {
  const pt = usePortalT();
  const { locale } = useAppLocale();
  const from = formatCalendarDate(note.startsOn, locale);
  const to = formatCalendarDate(note.endsOn, locale);
  return (
    <Stack component="li" gap={2}>
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          {note.startsOn === note.endsOn ? from : pt('portal.notes.dates', { from, to })}
        </Text>
        <AbsenceNoteStatusBadge status={note.status} />
      </Group>
      <Text size="xs" c="dimmed" lineClamp={2}>
        {note.reason}
      </Text>
      {note.reviewComment && (
        <Text size="xs" lineClamp={2}>
          {note.reviewComment}
        </Text>
      )}
    </Stack>
  );
}
