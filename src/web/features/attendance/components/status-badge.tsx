import { Badge } from '@mantine/core';

import type { AttendanceStatus } from '../../../../shared/contracts/attendance.js';
import { useAttendanceT } from '../use-attendance-t';

const COLOURS: Record<AttendanceStatus, string> = {
  present: 'green',
  absent: 'red',
  late: 'yellow',
  excused: 'blue',
};

export function AttendanceStatusBadge({ status }: { status: AttendanceStatus }) {
  const at = useAttendanceT();
  return (
    <Badge color={COLOURS[status]} variant="light">
      {at(`attendance.status.${status}`)}
    </Badge>
  );
}
