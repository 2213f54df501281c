import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { reportCardsErrorMessage } from '../report-cards-errors';
import { useReportCardsT } from '../use-report-cards-t';

/** A refused report-card request, in the reader's language. */
export function ReportCardsErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const rt = useReportCardsT();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      <Text size="sm">{reportCardsErrorMessage(t, rt, error)}</Text>
    </Alert>
  );
}
