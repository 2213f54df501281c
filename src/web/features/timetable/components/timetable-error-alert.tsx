import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { timetableErrorMessage, timetableExplanation } from '../timetable-errors';
import { useTimetableT } from '../use-timetable-t';

/** A refused timetable request: the translated reason, and the clash the server names. */
export function TimetableErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const tt = useTimetableT();
  if (!error) return null;
  const lines = timetableExplanation(error);
  return (
    <Alert color="red" variant="light" role="alert">
      <Text size="sm">{timetableErrorMessage(t, tt, error)}</Text>
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
