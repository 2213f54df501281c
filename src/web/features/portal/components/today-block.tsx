import { Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';

import type { Day } from '../../../../shared/contracts/timetable.js';
import { useAppLocale } from '../../../lib/app-locale';
import { lessonsOfStudent, lessonsTaught } from '../day-lessons';
import { formatWeekdayDate } from '../portal-format';
import { useHasPage, useMoreLink } from '../use-more-link';
import { usePortalT } from '../use-portal-t';

import { HomeBlock, QueryContent } from './home-block';
import { LessonsList } from './lessons-list';

interface TodayBlockProps {
  /** The signed-in person's day (GET /api/timetable/day), shared by every block that needs it. */
  day: UseQueryResult<Day>;
  /** Whose lessons: a student's (her own, or a guardian's child's), or null for those taught. */
  studentId: string | null;
  order: 2 | 3;
}

/** Today's lessons of a student, or of the signed-in teacher with a register link each. */
export function TodayBlock({ day, studentId, order }: TodayBlockProps) {
  const pt = usePortalT();
  const { locale } = useAppLocale();
  const teaching = studentId === null;
  const more = useMoreLink('timetable', pt('portal.today.more'));
  const canTakeAttendance = useHasPage('attendance');
  return (
    <HomeBlock
      title={pt(teaching ? 'portal.today.teacherHeading' : 'portal.today.heading')}
      order={order}
      aside={day.data && formatWeekdayDate(day.data.date, locale)}
      more={more}
    >
      <QueryContent query={day}>
        {(data) => {
          const items = teaching ? lessonsTaught(data) : lessonsOfStudent(data, studentId);
          if (items.length === 0) {
            return (
              <Text size="sm">
                {pt(teaching ? 'portal.today.teacherNone' : 'portal.today.none')}
              </Text>
            );
          }
          return (
            <LessonsList
              items={items}
              label={pt('portal.today.listLabel', { date: formatWeekdayDate(data.date, locale) })}
              showTeacher={!teaching}
              takeAttendance={teaching && canTakeAttendance}
            />
          );
        }}
      </QueryContent>
    </HomeBlock>
  );
}
