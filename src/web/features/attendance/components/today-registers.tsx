import { Anchor, Badge, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';

import type { MyRegister } from '../../../../shared/contracts/attendance.js';
import { PageLoader } from '../../../components/page-loader';
import { useMyRegisters } from '../api/list-my-registers';
import { useAttendanceT } from '../use-attendance-t';

import { AttendanceErrorAlert } from './attendance-error-alert';

interface TodayRegistersProps {
  date: string;
  onDateChange: (date: string) => void;
}

/** The registers the teacher takes on a day, each marked taken or not, with a way in. */
export function TodayRegisters({ date, onDateChange }: TodayRegistersProps) {
  const at = useAttendanceT();
  const headingId = useId();
  const mine = useMyRegisters(date);

  return (
    <section aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id={headingId}>
            {at('attendance.today.heading')}
          </Title>
          <TextInput
            type="date"
            label={at('attendance.today.date')}
            value={date}
            onChange={(event) => {
              if (event.currentTarget.value) onDateChange(event.currentTarget.value);
            }}
          />
        </Group>
        {mine.isPending ? (
          <PageLoader />
        ) : mine.isError ? (
          <AttendanceErrorAlert error={mine.error} />
        ) : mine.data.items.length === 0 ? (
          <Text>{at('attendance.today.empty')}</Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {mine.data.items.map((item) => (
              <TodayItem key={itemKey(item)} item={item} date={date} />
            ))}
          </Stack>
        )}
      </Stack>
    </section>
  );
}

function itemKey(item: MyRegister): string {
  return item.kind === 'daily'
    ? `daily:${item.section?.id}`
    : `class:${item.class?.id}:${item.period?.id ?? ''}`;
}

function TodayItem({ item, date }: { item: MyRegister; date: string }) {
  const at = useAttendanceT();
  const name =
    item.kind === 'daily'
      ? at('attendance.today.daily', {
          name: `${item.section?.gradeLevelName ?? ''} ${item.section?.name ?? ''}`.trim(),
        })
      : (item.class?.name ?? '');
  const search: Record<string, string> =
    item.kind === 'daily'
      ? { sectionId: item.section?.id ?? '', date }
      : item.period
        ? { classId: item.class?.id ?? '', periodId: item.period.id, date }
        : { classId: item.class?.id ?? '', date };

  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Stack gap={2}>
          {item.period && (
            <Text size="xs" c="dimmed">
              {item.period.name} ·{' '}
              {at('attendance.today.time', {
                start: item.period.startsAt,
                end: item.period.endsAt,
              })}
            </Text>
          )}
          <Text fw={600}>{name}</Text>
          {item.counts && <Text size="sm">{at('attendance.counts', item.counts)}</Text>}
        </Stack>
        <Group gap="sm">
          <Badge color={item.taken ? 'green' : 'gray'} variant="light">
            {item.taken ? at('attendance.today.taken') : at('attendance.today.notTaken')}
          </Badge>
          <Anchor
            renderRoot={(props) => <Link {...props} to="/attendance/take" search={search} />}
            size="sm"
            fw={600}
            aria-label={
              item.taken
                ? at('attendance.today.openFor', { name })
                : at('attendance.today.takeFor', { name })
            }
          >
            {item.taken ? at('attendance.today.open') : at('attendance.today.take')}
          </Anchor>
        </Group>
      </Group>
    </Paper>
  );
}
