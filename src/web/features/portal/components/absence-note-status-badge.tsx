import { Badge } from '@mantine/core';

import type { AbsenceNoteStatus } from '../../../../shared/contracts/attendance.js';
import { usePortalT } from '../use-portal-t';

const COLORS: Record<AbsenceNoteStatus, string> = {
  pending: 'yellow',
  accepted: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

export function AbsenceNoteStatusBadge({ status }: { status: AbsenceNoteStatus }) {
  const pt = usePortalT();
  return (
    <Badge size="sm" variant="light" color={COLORS[status]} c="dark.8" style={{ flexShrink: 0 }}>
      {pt(`portal.notes.status.${status}`)}
    </Badge>
  );
}
