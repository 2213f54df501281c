import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { gradebookErrorMessage, gradebookExplanation } from '../gradebook-errors';
import { useGradebookT } from '../use-gradebook-t';

/** A failed gradebook request, with the server's reason when only it can give one. */
export function GradebookErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const gt = useGradebookT();
  if (!error) return null;
  const explanation = gradebookExplanation(error);
  return (
    <Alert color="red" variant="light" role="alert">
      <Text size="sm">{gradebookErrorMessage(t, gt, error)}</Text>
      {explanation && (
        <Text size="sm" mt={4}>
          {explanation}
        </Text>
      )}
    </Alert>
  );
}
