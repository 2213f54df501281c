import { todayIn } from '../../../lib/calendar-date';
import { useSchool } from '../../../lib/school-context';
import { useMyDay } from '../../timetable/api/get-my-day';

import { TodayBlock } from './today-block';

/** The top of a teacher's dashboard: the lessons she teaches today, each with its register. */
export function TeacherToday() {
  const school = useSchool();
  const day = useMyDay(todayIn(school.timezone));
  return <TodayBlock day={day} studentId={null} order={2} />;
}
