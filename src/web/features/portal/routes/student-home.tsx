import { SimpleGrid, Stack, Text } from '@mantine/core';

import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { todayIn } from '../../../lib/calendar-date';
import { useSchool } from '../../../lib/school-context';
import { useCurrentMe } from '../../auth/api/get-me';
import { useMyDay } from '../../timetable/api/get-my-day';
import { useOwnStudents } from '../api/list-own-students';
import { AttendanceBlock } from '../components/attendance-block';
import { GradesBlock } from '../components/grades-block';
import { BlockError } from '../components/home-block';
import { ReportCardsBlock } from '../components/report-cards-block';
import { TodayBlock } from '../components/today-block';
import { usePortalT } from '../use-portal-t';

/** A student's home: today's lessons, her latest grades, her attendance, her report cards. */
export function StudentHome() {
  const pt = usePortalT();
  const me = useCurrentMe();
  const school = useSchool();
  const today = todayIn(school.timezone);
  const students = useOwnStudents();
  const day = useMyDay(today);
  // The student list is herself; her day names her record too, so either one will do.
  const studentId = students.data?.items[0]?.id ?? day.data?.studentId ?? null;

  let content;
  if (studentId) {
    content = (
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
        <TodayBlock day={day} studentId={studentId} order={2} />
        <AttendanceBlock studentId={studentId} today={today} order={2} />
        <GradesBlock studentId={studentId} recent={5} order={2} />
        <ReportCardsBlock studentId={studentId} order={2} />
      </SimpleGrid>
    );
  } else if (students.isPending || day.isPending) {
    content = <PageLoader />;
  } else if (students.isError) {
    content = <BlockError error={students.error} onRetry={() => void students.refetch()} />;
  } else {
    content = <Text maw="75ch">{pt('portal.noStudent')}</Text>;
  }

  return (
    <Stack gap="xl">
      <PageHeader
        title={pt('portal.heading', { name: me.user.name })}
        description={pt('portal.studentIntro')}
      />
      {content}
    </Stack>
  );
}
