import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { apiErrorMessage, serverExplanation } from '../lib/error-messages';

/** The translated message for a failed request, announced to screen readers. */
export function ErrorAlert({ error, message }: { error: unknown; message?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const explanation = serverExplanation(error);
  return (
    <Alert color="red" variant="light" role="alert">
      <Text size="sm">{message ?? apiErrorMessage(t, error)}</Text>
      {explanation && (
        <Text size="sm" mt={4}>
          {explanation}
        </Text>
      )}
    </Alert>
  );
}
