import { Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';

import type { Day, DayItem } from '../../../../shared/contracts/timetable.js';
import { formatCalendarDate } from '../../../lib/calendar-date';
import { useAppLocale } from '../../../lib/app-locale';
import { useTimetableT } from '../use-timetable-t';
import { timeRange, weekdayName } from '../week-grid';

import { TimetableErrorAlert } from './timetable-error-alert';

interface TodayStripProps {
  day: UseQueryResult<Day>;
  /** Whether to offer "Take attendance" on the lessons the actor teaches. */
  canRecord: boolean;
}

/** Today's lessons of the signed-in person, each opening its register for a teacher. */
export function TodayStrip({ day, canRecord }: TodayStripProps) {
  const tt = useTimetableT();
  const { locale } = useAppLocale();
  const data = day.data;
  const headingId = 'timetable-today-heading';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {tt('timetable.today.title')}
          </Title>
          {data && (
            <Text size="sm" c="dimmed">
              {weekdayName(data.day, locale)} · {formatCalendarDate(data.date, locale)}
            </Text>
          )}
        </Group>
        {day.isPending ? (
          <Loader size="sm" />
        ) : day.isError ? (
          <TimetableErrorAlert error={day.error} />
        ) : data && data.items.length > 0 ? (
          <Group component="ul" gap="sm" align="stretch" m={0} p={0} style={{ listStyle: 'none' }}>
            {data.items.map((item) => (
              <TodayItem
                key={`${item.entryId}:${item.student?.id ?? ''}`}
                item={item}
                canRecord={canRecord}
                ownStudentId={data.studentId}
              />
            ))}
          </Group>
        ) : (
          <Text size="sm">{tt('timetable.today.none')}</Text>
        )}
      </Stack>
    </Paper>
  );
}

function TodayItem({
  item,
  canRecord,
  ownStudentId,
}: {
  item: DayItem;
  canRecord: boolean;
  ownStudentId: string | null;
}) {
  const tt = useTimetableT();
  // A student's own lessons need no name; a guardian's say which child's they are.
  const own = item.student !== null && item.student.id === ownStudentId;
  // Only the teacher of the lesson takes its register; a child's lesson is only shown.
  const showRegister = canRecord && item.student === null;
  return (
    <Paper component="li" withBorder p="sm" miw={200} bg="var(--mantine-color-default-hover)">
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {item.period.name} · {timeRange(item.period.startsAt, item.period.endsAt)}
        </Text>
        <Text fw={600}>{item.class.name}</Text>
        {item.room && <Text size="sm">{item.room.name}</Text>}
        {item.student && !own && <Text size="sm">{item.student.name}</Text>}
        {showRegister && (
          <Anchor
            renderRoot={(props) => (
              <Link
                {...props}
                to="/attendance/take"
                search={{ classId: item.class.id, date: item.date, periodId: item.period.id }}
              />
            )}
            size="sm"
            mt={4}
            aria-label={tt('timetable.today.takeAttendanceFor', { name: item.class.name })}
          >
            {tt('timetable.today.takeAttendance')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
