import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Period } from '../../../../shared/contracts/timetable.js';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { SuccessAlert } from '../../../components/success-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { hasPermission } from '../../../lib/permissions';
import { useCurrentMe } from '../../auth/api/get-me';
import { useDeletePeriod } from '../api/delete-period';
import { usePeriods } from '../api/list-periods';
import { PeriodDialog } from '../components/period-dialog';
import { TimetableErrorAlert } from '../components/timetable-error-alert';
import { useTimetableT } from '../use-timetable-t';
import { timeRange, weekdayName } from '../week-grid';

/** The periods of the school day; admins add, change and delete them here. */
export function PeriodsPage() {
  const { t } = useTranslation();
  const tt = useTimetableT();
  const { locale } = useAppLocale();
  const me = useCurrentMe();
  const canManage = hasPermission(me, 'timetable:manage');
  const periods = usePeriods();
  const remove = useDeletePeriod();
  const [editing, setEditing] = useState<{ item: Period | null } | null>(null);
  const [deleting, setDeleting] = useState<Period | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const closeDelete = () => {
    remove.reset();
    setDeleting(null);
  };
  const rows = periods.data ?? [];

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/timetable" size="sm">
        {tt('timetable.periods.back')}
      </Anchor>
      <PageHeader
        title={tt('timetable.periods.title')}
        description={tt('timetable.periods.description')}
        actions={
          canManage && (
            <Button
              onClick={() => {
                setNotice(null);
                setEditing({ item: null });
              }}
            >
              {tt('timetable.periods.add')}
            </Button>
          )
        }
      />
      {notice && <SuccessAlert>{notice}</SuccessAlert>}
      {periods.isPending ? (
        <PageLoader />
      ) : periods.isError ? (
        <TimetableErrorAlert error={periods.error} />
      ) : rows.length === 0 ? (
        <Text>{tt('timetable.periods.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{tt('timetable.periods.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{tt('timetable.periods.name')}</Table.Th>
                <Table.Th scope="col">{tt('timetable.periods.times')}</Table.Th>
                <Table.Th scope="col">{tt('timetable.periods.days')}</Table.Th>
                <Table.Th scope="col">{tt('timetable.periods.sortOrder')}</Table.Th>
                {canManage && <Table.Th scope="col">{t('records.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((period) => (
                <Table.Tr key={period.id}>
                  <Table.Th scope="row" fw={500}>
                    {period.name}
                  </Table.Th>
                  <Table.Td>{timeRange(period.startsAt, period.endsAt)}</Table.Td>
                  <Table.Td>
                    {new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(
                      period.days.map((d) => weekdayName(d, locale, 'short')),
                    )}
                  </Table.Td>
                  <Table.Td>{period.sortOrder}</Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={t('records.editNamed', { name: period.name })}
                          onClick={() => {
                            setNotice(null);
                            setEditing({ item: period });
                          }}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="outline"
                          color="red"
                          aria-label={t('records.deleteNamed', { name: period.name })}
                          onClick={() => setDeleting(period)}
                        >
                          {t('common.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {canManage && (
        <>
          <PeriodDialog
            opened={editing !== null}
            item={editing?.item ?? null}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              setNotice(t('common.saved'));
            }}
          />
          <ConfirmDialog
            opened={deleting !== null}
            title={tt('timetable.periods.deleteTitle', { name: deleting?.name ?? '' })}
            confirmLabel={t('common.delete')}
            danger
            pending={remove.isPending}
            error={remove.error}
            onClose={closeDelete}
            onConfirm={() => {
              if (!deleting) return;
              remove.mutate(deleting.id, {
                onSuccess: () => {
                  closeDelete();
                  setNotice(t('records.deleted'));
                },
              });
            }}
          >
            <Text size="sm">{tt('timetable.periods.deleteConfirm')}</Text>
          </ConfirmDialog>
        </>
      )}
    </Stack>
  );
}
