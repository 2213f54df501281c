import { SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useId, useState } from 'react';

import type { Student } from '../../../../shared/contracts/people.js';
import type { Day } from '../../../../shared/contracts/timetable.js';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { todayIn } from '../../../lib/calendar-date';
import { personName } from '../../../lib/person-name';
import { useSchool } from '../../../lib/school-context';
import { useCurrentMe } from '../../auth/api/get-me';
import { useMyDay } from '../../timetable/api/get-my-day';
import { useOwnStudents } from '../api/list-own-students';
import { AbsenceNotesBlock } from '../components/absence-notes-block';
import { AttendanceBlock } from '../components/attendance-block';
import { GradesBlock } from '../components/grades-block';
import { BlockError } from '../components/home-block';
import { ReportCardsBlock } from '../components/report-cards-block';
import { TodayBlock } from '../components/today-block';
import { usePortalT } from '../use-portal-t';

/** A guardian's home: a section per child (a tab each when there are several). */
export function GuardianHome() {
  const pt = usePortalT();
  const me = useCurrentMe();
  const school = useSchool();
  const today = todayIn(school.timezone);
  const children = useOwnStudents();
  // One request for the day of every child; each child's section takes its own lessons.
  const day = useMyDay(today);
  const [chosen, setChosen] = useState<string | null>(null);

  let content;
  if (children.isPending) {
    content = <PageLoader />;
  } else if (children.isError) {
    content = <BlockError error={children.error} onRetry={() => void children.refetch()} />;
  } else if (children.data.items.length === 0) {
    content = <Text maw="75ch">{pt('portal.noChildren')}</Text>;
  } else if (children.data.items.length === 1) {
    const [child] = children.data.items as [Student];
    content = <ChildSection child={child} day={day} today={today} />;
  } else {
    const items = children.data.items;
    const active = items.some((child) => child.id === chosen) ? chosen : (items[0]?.id ?? null);
    content = (
      <Tabs value={active} onChange={setChosen} keepMounted={false}>
        <Tabs.List aria-label={pt('portal.childrenLabel')} mb="md">
          {items.map((child) => (
            <Tabs.Tab key={child.id} value={child.id}>
              {personName(child)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {items.map((child) => (
          <Tabs.Panel key={child.id} value={child.id}>
            <ChildSection child={child} day={day} today={today} />
          </Tabs.Panel>
        ))}
      </Tabs>
    );
  }

  return (
    <Stack gap="xl">
      <PageHeader
        title={pt('portal.heading', { name: me.user.name })}
        description={pt('portal.guardianIntro')}
      />
      {content}
    </Stack>
  );
}

interface ChildSectionProps {
  child: Student;
  day: UseQueryResult<Day>;
  today: string;
}

function ChildSection({ child, day, today }: ChildSectionProps) {
  const pt = usePortalT();
  const headingId = useId();
  const name = personName(child);
  return (
    <Stack component="section" aria-labelledby={headingId} gap="md">
      <div>
        <Title order={2} id={headingId}>
          {name}
        </Title>
        <Text size="sm" c="dimmed">
          {pt('portal.admissionNumber', { number: child.admissionNumber })}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
        <TodayBlock day={day} studentId={child.id} order={3} />
        <AttendanceBlock studentId={child.id} today={today} order={3} />
        <GradesBlock studentId={child.id} recent={3} order={3} />
        <ReportCardsBlock studentId={child.id} order={3} />
        <AbsenceNotesBlock studentId={child.id} studentName={name} order={3} />
      </SimpleGrid>
    </Stack>
  );
}
