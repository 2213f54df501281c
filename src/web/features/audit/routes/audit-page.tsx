import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Fragment, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { AuditEvent } from '../../../../shared/contracts/identity.js';
import { ErrorAlert } from '../../../components/error-alert';
import { JsonBlock } from '../../../components/json-block';
import { LoadMoreButton } from '../../../components/load-more-button';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { useAppLocale } from '../../../lib/app-locale';
import { endOfDayIso, formatDateTime, startOfDayIso } from '../../../lib/format';
import { useSchool } from '../../../lib/school-context';
import { useAuditEvents } from '../api/list-audit-events';
import type { AuditFilters } from '../api/list-audit-events';

interface FilterValues {
  action: string;
  entityType: string;
  from: string;
  to: string;
}

const EMPTY: FilterValues = { action: '', entityType: '', from: '', to: '' };

function toFilters(values: FilterValues): AuditFilters {
  return {
    action: values.action.trim() || undefined,
    entityType: values.entityType.trim() || undefined,
    from: startOfDayIso(values.from),
    to: endOfDayIso(values.to),
  };
}

export function AuditPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<FilterValues>(EMPTY);
  const [applied, setApplied] = useState<AuditFilters>({});
  const events = useAuditEvents(applied);
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setApplied(toFilters(draft));
  }

  const field = (key: keyof FilterValues) => ({
    value: draft[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setDraft((current) => ({ ...current, [key]: value }));
    },
  });

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.heading')} description={t('audit.intro')} />
      <Paper withBorder p="md" radius="md">
        <form onSubmit={onSubmit} aria-label={t('audit.filters')}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <TextInput label={t('audit.action')} {...field('action')} />
            <TextInput label={t('audit.entityType')} {...field('entityType')} />
            <TextInput label={t('audit.from')} type="date" {...field('from')} />
            <TextInput label={t('audit.to')} type="date" {...field('to')} />
          </SimpleGrid>
          <Group mt="md" gap="sm">
            <Button type="submit">{t('audit.apply')}</Button>
            <Button
              variant="default"
              onClick={() => {
                setDraft(EMPTY);
                setApplied({});
              }}
            >
              {t('audit.clear')}
            </Button>
          </Group>
        </form>
      </Paper>

      {events.isPending ? (
        <PageLoader />
      ) : events.isError ? (
        <ErrorAlert error={events.error} />
      ) : rows.length === 0 ? (
        <Text>{t('audit.empty')}</Text>
      ) : (
        <AuditTable events={rows} />
      )}
      <LoadMoreButton
        hasNextPage={events.hasNextPage}
        isFetchingNextPage={events.isFetchingNextPage}
        fetchNextPage={events.fetchNextPage}
      />
    </Stack>
  );
}

function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const school = useSchool();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  function toggle(id: string) {
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" striped>
        <Table.Caption>{t('audit.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.entity')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const expanded = open.has(event.id);
            const detailsId = `audit-${event.id}`;
            return (
              <Fragment key={event.id}>
                <Table.Tr>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(event.at, locale, school.timezone)}
                  </Table.Td>
                  <Table.Td>{actorLabel(t, event)}</Table.Td>
                  <Table.Td>
                    <Text span ff="monospace" size="sm" dir="ltr">
                      {event.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text span size="sm" dir="ltr">
                      {event.entityType}
                      {event.entityId && (
                        <Text span c="dimmed" size="xs" ms={6} ff="monospace">
                          {event.entityId}
                        </Text>
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      aria-expanded={expanded}
                      aria-controls={detailsId}
                      onClick={() => toggle(event.id)}
                    >
                      {expanded ? t('common.hideChanges') : t('common.showChanges')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={5}>
                      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                        <div>
                          <Text size="sm" fw={600} mb={4}>
                            {t('common.before')}
                          </Text>
                          <JsonBlock value={event.before} label={t('common.before')} />
                        </div>
                        <div>
                          <Text size="sm" fw={600} mb={4}>
                            {t('common.after')}
                          </Text>
                          <JsonBlock value={event.after} label={t('common.after')} />
                        </div>
                      </SimpleGrid>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Operators act under their own identity, which the school never sees by name. */
function actorLabel(t: TFunction, event: AuditEvent): string {
  if (event.actorOperatorId) return t('audit.operator');
  if (event.actorName) return event.actorName;
  return event.actorUserId ? t('audit.unknownActor') : t('audit.system');
}
