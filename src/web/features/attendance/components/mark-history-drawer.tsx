import { Drawer, List, Stack, Text } from '@mantine/core';

import { PageLoader } from '../../../components/page-loader';
import { useAppLocale } from '../../../lib/app-locale';
import { formatDateTime } from '../../../lib/format';
import { useSchool } from '../../../lib/school-context';
import { useRegisterHistory } from '../api/get-register-history';
import { useAttendanceT } from '../use-attendance-t';

import { AttendanceErrorAlert } from './attendance-error-alert';

interface MarkHistoryDrawerProps {
  registerId: string | null;
  student: { studentId: string; name: string } | null;
  onClose: () => void;
}

/** Who changed one student's mark in a register, from what to what, when and why. */
export function MarkHistoryDrawer({ registerId, student, onClose }: MarkHistoryDrawerProps) {
  const at = useAttendanceT();
  const { locale } = useAppLocale();
  const school = useSchool();
  const history = useRegisterHistory(registerId, student?.studentId ?? null);
  const item = history.data?.items[0];
  const when = (iso: string) => formatDateTime(iso, locale, school.timezone);
  const noteText = (note: string | null) => note ?? at('attendance.history.noNote');

  return (
    <Drawer
      opened={student !== null}
      onClose={onClose}
      position="right"
      title={student ? at('attendance.history.title', { name: student.name }) : ''}
    >
      {history.isPending && history.fetchStatus !== 'idle' ? (
        <PageLoader />
      ) : history.isError ? (
        <AttendanceErrorAlert error={history.error} />
      ) : !item ? (
        <Text>{at('attendance.history.notRecorded')}</Text>
      ) : (
        <Stack gap="md">
          <Text fw={600}>
            {at('attendance.history.now', { status: at(`attendance.status.${item.status}`) })}
          </Text>
          <Text size="sm" c="dimmed">
            {at('attendance.history.lastSaved', {
              name: item.updatedByName,
              time: when(item.updatedAt),
            })}
          </Text>
          {item.changes.length === 0 ? (
            <Text>{at('attendance.history.none')}</Text>
          ) : (
            <List spacing="sm" listStyleType="none" ps={0}>
              {[...item.changes].reverse().map((change) => (
                <List.Item key={change.id}>
                  <Stack gap={2}>
                    <Text size="sm" fw={500}>
                      {at('attendance.history.change', {
                        from: at(`attendance.status.${change.previousStatus}`),
                        to: at(`attendance.status.${change.newStatus}`),
                      })}
                    </Text>
                    {change.previousNote !== change.newNote && (
                      <Text size="sm">
                        {at('attendance.history.noteChange', {
                          from: noteText(change.previousNote),
                          to: noteText(change.newNote),
                        })}
                      </Text>
                    )}
                    {change.reason && (
                      <Text size="sm">
                        {at('attendance.history.reason', { reason: change.reason })}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {at('attendance.history.by', {
                        name: change.changedByName,
                        time: when(change.changedAt),
                      })}
                    </Text>
                  </Stack>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
