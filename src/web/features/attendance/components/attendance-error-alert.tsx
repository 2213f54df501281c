import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { attendanceErrorMessage, attendanceExplanation } from '../attendance-errors';
import { useAttendanceT } from '../use-attendance-t';

/** A refused attendance request: the translated reason, and any field rule it broke. */
export function AttendanceErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const at = useAttendanceT();
  if (!error) return null;
  const lines = attendanceExplanation(t, at, error);
  return (
    <Alert color="red" variant="light" role="alert">
      <Text size="sm">{attendanceErrorMessage(t, at, error)}</Text>
      {lines.length === 1 && (
        <Text size="sm" mt={4}>
          {lines[0]}
        </Text>
      )}
      {lines.length > 1 && (
        <List size="sm" mt={4}>
          {lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
