import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';

import type { DayItem } from '../../../../shared/contracts/timetable.js';
import { clockRange, takeAttendanceSearch } from '../day-lessons';
import { usePortalT } from '../use-portal-t';

interface LessonsListProps {
  items: DayItem[];
  /** What the list is, for screen readers ("Lessons on Monday 5 January"). */
  label: string;
  /** Students and guardians see who teaches; a teacher knows. */
  showTeacher: boolean;
  /** A teacher's lessons each open their register. */
  takeAttendance: boolean;
}

/** A day's lessons in time order, one line each: time, class, room, teacher. */
export function LessonsList({ items, label, showTeacher, takeAttendance }: LessonsListProps) {
  const pt = usePortalT();
  const details = (item: DayItem) =>
    [
      item.room ? pt('portal.today.room', { name: item.room.name }) : null,
      showTeacher && item.teacher ? pt('portal.today.teacher', { name: item.teacher.name }) : null,
    ]
      .filter((part) => part !== null)
      .join(' · ');
  return (
    <Stack component="ol" gap="xs" m={0} p={0} aria-label={label} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <Group
          component="li"
          key={`${item.entryId}:${item.student?.id ?? ''}`}
          gap="md"
          wrap="nowrap"
          align="flex-start"
          py={6}
          style={{ borderBlockEnd: '1px solid var(--mantine-color-default-border)' }}
        >
          <Stack gap={0} miw={104} style={{ flexShrink: 0 }}>
            <Text size="sm" fw={600}>
              {clockRange(item.period.startsAt, item.period.endsAt)}
            </Text>
            <Text size="xs" c="dimmed">
              {item.period.name}
            </Text>
          </Stack>
          <Stack gap={0} style={{ flexGrow: 1, minInlineSize: 0 }}>
            <Text fw={600}>{item.class.name}</Text>
            {item.class.subjectName !== item.class.name && (
              <Text size="sm" c="dimmed">
                {item.class.subjectName}
              </Text>
            )}
            {details(item) && <Text size="sm">{details(item)}</Text>}
          </Stack>
          {takeAttendance && (
            <Anchor
              renderRoot={(props) => (
                <Link {...props} to="/attendance/take" search={takeAttendanceSearch(item)} />
              )}
              size="sm"
              fw={600}
              style={{ flexShrink: 0 }}
              aria-label={pt('portal.today.takeAttendanceFor', { name: item.class.name })}
            >
              {pt('portal.today.takeAttendance')}
            </Anchor>
          )}
        </Group>
      ))}
    </Stack>
  );
}
