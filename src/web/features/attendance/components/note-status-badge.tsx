import { Badge } from '@mantine/core';

import type { AbsenceNoteStatus } from '../../../../shared/contracts/attendance.js';
import { useAttendanceT } from '../use-attendance-t';

const COLOURS: Record<AbsenceNoteStatus, string> = {
  pending: 'yellow',
  accepted: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

export function NoteStatusBadge({ status }: { status: AbsenceNoteStatus }) {
  const at = useAttendanceT();
  return (
    <Badge color={COLOURS[status]} variant="light">
      {at(`attendance.noteStatus.${status}`)}
    </Badge>
  );
}
