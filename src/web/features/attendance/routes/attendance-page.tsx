import { Anchor, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';

import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { todayIn } from '../../../lib/calendar-date';
import { personName } from '../../../lib/person-name';
import { useSchool } from '../../../lib/school-context';
import { useCurrentMe } from '../../auth/api/get-me';
import { useMyStudents } from '../api/list-my-students';
import { attendanceAccess } from '../attendance-access';
import type { AttendanceAccess } from '../attendance-access';
import { ChildAbsenceNotes } from '../components/child-absence-notes';
import { OpenRegisterForm } from '../components/open-register-form';
import { StudentAttendanceView } from '../components/student-attendance-view';
import { TodayRegisters } from '../components/today-registers';
import { useAttendanceT } from '../use-attendance-t';

/**
 * `/attendance`: what the person's scopes allow. A teacher or the office sees the registers
 * to take (today unless another day is picked); a student her own attendance; a guardian her
 * children's, with their absence notes.
 */
export function AttendancePage() {
  const at = useAttendanceT();
  const me = useCurrentMe();
  const school = useSchool();
  const access = attendanceAccess(me);
  const readsAll = (me.scopes['attendance:read'] ?? []).includes('all');

  return (
    <Stack gap="lg">
      <PageHeader title={at('attendance.title')} actions={<AttendanceLinks access={access} />} />
      {access.records && <RecorderView />}
      {!access.records && access.readsRegisters && (
        <OpenRegisterForm wholeSchool={readsAll} date={todayIn(school.timezone)} />
      )}
      {(access.self || access.children) && <FamilyView guardian={access.children} />}
    </Stack>
  );
}

function AttendanceLinks({ access }: { access: AttendanceAccess }) {
  const at = useAttendanceT();
  const links = [
    access.readsRegisters && { to: '/attendance/reports', label: at('attendance.links.reports') },
    access.seesNotesInbox && {
      to: '/attendance/absence-notes',
      label: at('attendance.links.notes'),
    },
    access.readsSettings && {
      to: '/attendance/settings',
      label: at('attendance.links.settings'),
    },
  ].filter((link): link is { to: string; label: string } => Boolean(link));
  if (links.length === 0) return null;
  return (
    <Group gap="md" component="nav" aria-label={at('attendance.title')}>
      {links.map((link) => (
        <Anchor key={link.to} component={Link} to={link.to}>
          {link.label}
        </Anchor>
      ))}
    </Group>
  );
}

function RecorderView() {
  const school = useSchool();
  const me = useCurrentMe();
  const [date, setDate] = useState(() => todayIn(school.timezone));
  const wholeSchool = (me.scopes['attendance:record'] ?? []).includes('all');
  return (
    <Stack gap="lg">
      <TodayRegisters date={date} onDateChange={setDate} />
      <OpenRegisterForm key={date} wholeSchool={wholeSchool} date={date} />
    </Stack>
  );
}

/** A student's own attendance, or a guardian's choice of child with the child's notes. */
function FamilyView({ guardian }: { guardian: boolean }) {
  const at = useAttendanceT();
  const students = useMyStudents(true);
  const [chosen, setChosen] = useState<string | null>(null);

  if (students.isPending) return <PageLoader />;
  if (students.isError) return <RecordErrorAlert error={students.error} />;
  const list = students.data;
  if (list.length === 0) return <Text>{at('attendance.guardian.noChildren')}</Text>;
  const student = list.find((s) => s.id === chosen) ?? list[0];
  if (!student) return null;

  if (!guardian) {
    return (
      <StudentAttendanceView studentId={student.id} heading={at('attendance.student.heading')} />
    );
  }
  return (
    <Stack gap="lg">
      {list.length > 1 && (
        <NativeSelect
          label={at('attendance.guardian.child')}
          value={student.id}
          data={list.map((s) => ({ value: s.id, label: personName(s) }))}
          onChange={(event) => setChosen(event.currentTarget.value)}
          maw={360}
        />
      )}
      <StudentAttendanceView
        key={student.id}
        studentId={student.id}
        heading={at('attendance.guardian.childHeading', { name: personName(student) })}
      />
      <ChildAbsenceNotes key={`notes-${student.id}`} studentId={student.id} />
    </Stack>
  );
}
