import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { OutboxMessage } from '../../../../shared/contracts/identity.js';
import { ErrorAlert } from '../../../components/error-alert';
import { LinkedText } from '../../../components/linked-text';
import { LoadMoreButton } from '../../../components/load-more-button';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { useAppLocale } from '../../../lib/app-locale';
import { formatDateTime } from '../../../lib/format';
import { useSchool } from '../../../lib/school-context';
import { useOutbox } from '../api/list-outbox';

export function OutboxPage() {
  const { t } = useTranslation();
  const outbox = useOutbox();
  const messages = outbox.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('outbox.heading')}
        description={t('outbox.intro')}
        actions={
          <Button
            variant="default"
            loading={outbox.isRefetching}
            onClick={() => void outbox.refetch()}
          >
            {t('outbox.refresh')}
          </Button>
        }
      />
      {outbox.isPending ? (
        <PageLoader />
      ) : outbox.isError ? (
        <ErrorAlert error={outbox.error} />
      ) : messages.length === 0 ? (
        <Text>{t('outbox.empty')}</Text>
      ) : (
        <Stack gap="md">
          {messages.map((message) => (
            <OutboxArticle key={message.id} message={message} />
          ))}
        </Stack>
      )}
      <LoadMoreButton
        hasNextPage={outbox.hasNextPage}
        isFetchingNextPage={outbox.isFetchingNextPage}
        fetchNextPage={outbox.fetchNextPage}
      />
    </Stack>
  );
}

function OutboxArticle({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const school = useSchool();
  const headingId = `outbox-${message.id}`;
  return (
    <Paper component="article" aria-labelledby={headingId} withBorder radius="md" p="lg">
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {message.subject}
        </Title>
        <Group gap="md">
          <Text size="sm" c="dimmed">
            {t('outbox.to', { to: message.to })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('outbox.created', {
              time: formatDateTime(message.createdAt, locale, school.timezone),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {message.sentAt
              ? t('outbox.sent', { time: formatDateTime(message.sentAt, locale, school.timezone) })
              : t('outbox.notSent')}
          </Text>
        </Group>
        {/* Email text is written in the school's language, line breaks and all. */}
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <LinkedText text={message.text} />
        </Text>
      </Stack>
    </Paper>
  );
}
