import { Drawer, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

import type { ReportCardContentBody } from '../../../../shared/contracts/report-cards.js';
import { PageLoader } from '../../../components/page-loader';

import { ReportCardsErrorAlert } from './report-cards-error-alert';
import { ReportCardView } from './report-card-view';

interface ReportCardDrawerProps {
  opened: boolean;
  title: string;
  /** Shown above the card (what the reader is looking at: a live preview, a snapshot). */
  note?: ReactNode;
  /** Shown below the card (a download link). */
  actions?: ReactNode;
  query: { isPending: boolean; isError: boolean; error: unknown; data?: ReportCardContentBody };
  onClose: () => void;
}

/** A card opened beside the list it was chosen from. */
export function ReportCardDrawer(props: ReportCardDrawerProps) {
  const { query } = props;
  return (
    <Drawer
      opened={props.opened}
      onClose={props.onClose}
      position="right"
      size="xl"
      title={props.title}
    >
      <Stack gap="md">
        {props.note && (
          <Text size="sm" c="dimmed">
            {props.note}
          </Text>
        )}
        {query.isError ? (
          <ReportCardsErrorAlert error={query.error} />
        ) : query.isPending || !query.data ? (
          <PageLoader />
        ) : (
          <ReportCardView card={query.data} />
        )}
        {props.actions}
      </Stack>
    </Drawer>
  );
}
