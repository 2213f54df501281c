import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { apiErrorMessage } from '../../../lib/error-messages';
import { usePortalT } from '../use-portal-t';

export interface MoreLink {
  to: string;
  label: string;
}

interface HomeBlockProps {
  title: string;
  /** 2 on a student's home; 3 inside a child's section on a guardian's. */
  order: 2 | 3;
  /** A line beside the title: the date, the term, the range of days. */
  aside?: ReactNode;
  /** The full page, when it is in the reader's navigation. */
  more?: MoreLink | null;
  children: ReactNode;
}

/** One block of a home page: a titled section that loads, fails and links on its own. */
export function HomeBlock({ title, order, aside, more, children }: HomeBlockProps) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={order} size="h4" id={headingId}>
            {title}
          </Title>
          {aside && (
            <Text size="sm" c="dimmed">
              {aside}
            </Text>
          )}
        </Group>
        <div style={{ flexGrow: 1 }}>{children}</div>
        {more && (
          <Anchor component={Link} to={more.to} size="sm" fw={600}>
            {more.label}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

export function BlockLoading() {
  const { t } = useTranslation();
  return (
    <Center py="md" role="status" aria-label={t('common.loading')}>
      <Loader size="sm" />
    </Center>
  );
}

/** A block that could not load says so and offers another try; the rest of the page stays. */
export function BlockError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const pt = usePortalT();
  return (
    <Alert color="red" variant="light" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm" fw={600}>
          {pt('portal.blockError')}
        </Text>
        <Text size="sm">{apiErrorMessage(t, error)}</Text>
        <Button size="compact-sm" variant="light" color="red" onClick={onRetry}>
          {pt('portal.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** The loading and error states of a query, and what to show once its data is there. */
export function QueryContent<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <BlockLoading />;
  if (query.isError) return <BlockError error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
