import { Button, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../components/error-alert';
import { JsonBlock } from '../../../components/json-block';
import { LoadMoreButton } from '../../../components/load-more-button';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { useAppLocale } from '../../../lib/app-locale';
import { formatDateTime } from '../../../lib/format';
import { usePlatformAuditEvents } from '../api/list-platform-audit-events';

export function PlatformAuditPage() {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const events = usePlatformAuditEvents();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];

  function toggle(id: string) {
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('platform.audit.heading')} />
      {events.isPending ? (
        <PageLoader />
      ) : events.isError ? (
        <ErrorAlert error={events.error} />
      ) : rows.length === 0 ? (
        <Text>{t('platform.audit.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{t('platform.audit.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('platform.audit.columns.at')}</Table.Th>
                <Table.Th scope="col">{t('platform.audit.columns.operator')}</Table.Th>
                <Table.Th scope="col">{t('platform.audit.columns.action')}</Table.Th>
                <Table.Th scope="col">{t('platform.audit.columns.school')}</Table.Th>
                <Table.Th scope="col">{t('platform.audit.columns.reason')}</Table.Th>
                <Table.Th scope="col">{t('platform.audit.columns.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((event) => {
                const expanded = open.has(event.id);
                const detailsId = `platform-audit-${event.id}`;
                return (
                  <Fragment key={event.id}>
                    <Table.Tr>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(event.at, locale)}
                      </Table.Td>
                      <Table.Td>
                        {event.operatorEmail ? <bdi>{event.operatorEmail}</bdi> : '—'}
                      </Table.Td>
                      <Table.Td>
                        <Text span ff="monospace" size="sm" dir="ltr">
                          {event.action}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text span ff="monospace" size="sm" dir="ltr">
                          {event.schoolSlug ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={320}>{event.reason ?? '—'}</Table.Td>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          aria-expanded={expanded}
                          aria-controls={detailsId}
                          onClick={() => toggle(event.id)}
                        >
                          {expanded
                            ? t('platform.audit.hideDetails')
                            : t('platform.audit.showDetails')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr id={detailsId}>
                        <Table.Td colSpan={6}>
                          <JsonBlock
                            value={event.details}
                            label={t('platform.audit.columns.details')}
                          />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton
        hasNextPage={events.hasNextPage}
        isFetchingNextPage={events.isFetchingNextPage}
        fetchNextPage={events.fetchNextPage}
      />
    </Stack>
  );
}
