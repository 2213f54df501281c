import { Box, Button, Stack, Table, Text, UnstyledButton } from '@mantine/core';

import type { TimetableEntry, Week } from '../../../../shared/contracts/timetable.js';
import { useAppLocale } from '../../../lib/app-locale';
import { useTimetableT } from '../use-timetable-t';
import { cellEntries, gridDays, timeRange, weekdayName } from '../week-grid';

export type WeekPeriod = Week['periods'][number];

export interface ShownDetails {
  group: boolean;
  teacher: boolean;
  room: boolean;
}

interface WeekGridProps {
  week: Week;
  caption: string;
  /** Which facts each lesson shows (a teacher's week names the group, not the teacher). */
  show: ShownDetails;
  /** Given to those who manage the timetable: add in an empty cell, change a lesson. */
  onAdd?: (day: number, period: WeekPeriod) => void;
  onEdit?: (entry: TimetableEntry) => void;
}

export function groupLabel(entry: TimetableEntry): string {
  if (entry.section) return `${entry.gradeLevel?.name ?? ''} ${entry.section.name}`.trim();
  return entry.gradeLevel?.name ?? '';
}

/** A week as a table: a column per weekday, a row per period. */
export function WeekGrid({ week, caption, show, onAdd, onEdit }: WeekGridProps) {
  const tt = useTimetableT();
  const { locale } = useAppLocale();
  const days = gridDays(week.periods, week.entries);

  return (
    <Table.ScrollContainer minWidth={Math.max(480, 160 * (days.length + 1))}>
      <Table withTableBorder withColumnBorders verticalSpacing="xs" layout="fixed">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={140}>
              {tt('timetable.grid.period')}
            </Table.Th>
            {days.map((day) => (
              <Table.Th scope="col" key={day}>
                {weekdayName(day, locale)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {week.periods.map((period) => (
            <Table.Tr key={period.id}>
              <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
                <Text size="sm" fw={600}>
                  {period.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {timeRange(period.startsAt, period.endsAt)}
                </Text>
              </Table.Th>
              {days.map((day) => {
                const entries = cellEntries(week.entries, day, period.id);
                const runs = period.days.includes(day);
                const where = { day: weekdayName(day, locale), period: period.name };
                return (
                  <Table.Td key={day} style={{ verticalAlign: 'top' }}>
                    <Stack gap={4}>
                      {entries.map((entry) => (
                        <LessonCard key={entry.id} entry={entry} show={show} onEdit={onEdit} />
                      ))}
                      {entries.length === 0 && !runs && (
                        <Text size="xs" c="dimmed">
                          {tt('timetable.grid.notRunning')}
                        </Text>
                      )}
                      {entries.length === 0 && runs && onAdd && (
                        <Button
                          variant="subtle"
                          size="compact-xs"
                          onClick={() => onAdd(day, period)}
                          aria-label={tt('timetable.grid.addIn', where)}
                          style={{ alignSelf: 'flex-start' }}
                        >
                          {tt('timetable.grid.add')}
                        </Button>
                      )}
                    </Stack>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function LessonCard({
  entry,
  show,
  onEdit,
}: {
  entry: TimetableEntry;
  show: ShownDetails;
  onEdit?: (entry: TimetableEntry) => void;
}) {
  const tt = useTimetableT();
  const { locale } = useAppLocale();
  const facts = [
    show.group ? groupLabel(entry) : '',
    show.teacher ? (entry.teacher?.name ?? '') : '',
    show.room ? (entry.room?.name ?? '') : '',
  ].filter(Boolean);
  const body = (
    <Box
      p={6}
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        borderInlineStart: '3px solid var(--mantine-primary-color-filled)',
        background: 'var(--mantine-primary-color-light)',
        textAlign: 'start',
      }}
    >
      <Text size="sm" fw={600}>
        {entry.class.name}
      </Text>
      {facts.map((fact) => (
        <Text key={fact} size="xs">
          {fact}
        </Text>
      ))}
    </Box>
  );
  if (!onEdit) return body;
  return (
    <UnstyledButton
      onClick={() => onEdit(entry)}
      aria-label={tt('timetable.grid.editIn', {
        name: entry.class.name,
        day: weekdayName(entry.day, locale),
        period: entry.period.name,
      })}
      style={{ display: 'block', inlineSize: '100%' }}
    >
      {body}
    </UnstyledButton>
  );
}
