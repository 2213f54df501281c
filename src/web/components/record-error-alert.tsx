import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { recordErrorMessage, recordExplanation } from '../lib/record-errors';

/** A failed request on a school-records screen, with the server's reason when it has one. */
export function RecordErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const explanation = recordExplanation(error);
  return (
    <Alert color="red" variant="light" role="alert">
      <Text size="sm">{recordErrorMessage(t, error)}</Text>
      {explanation.length === 1 && (
        <Text size="sm" mt={4}>
          {explanation[0]}
        </Text>
      )}
      {explanation.length > 1 && (
        <List size="sm" mt={4}>
          {explanation.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
