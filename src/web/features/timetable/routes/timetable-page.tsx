import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';

import type { Week } from '../../../../shared/contracts/timetable.js';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { todayIn } from '../../../lib/calendar-date';
import { hasNavigationEntry } from '../../../lib/navigation-entries';
import { hasPermission } from '../../../lib/permissions';
import { personName } from '../../../lib/person-name';
import { useSchool } from '../../../lib/school-context';
import { useRooms } from '../../academics/api/rooms';
import { useSectionOptions } from '../../academics/api/sections';
import { useTerms } from '../../academics/api/terms';
import { useCurrentMe } from '../../auth/api/get-me';
import { useNavigation } from '../../auth/api/get-navigation';
import { useTeachers } from '../../staff/api/list-staff';
import { useStudents } from '../../students/api/list-students';
import { useMyDay } from '../api/get-my-day';
import { useWeek } from '../api/get-week';
import type { WeekSelection } from '../api/get-week';
import { CopyDialog } from '../components/copy-dialog';
import { EntryDialog } from '../components/entry-dialog';
import type { EntryTarget } from '../components/entry-dialog';
import { TimetableErrorAlert } from '../components/timetable-error-alert';
import { TodayStrip } from '../components/today-strip';
import { WeekGrid } from '../components/week-grid';
import type { ShownDetails } from '../components/week-grid';
import { WeekPicker } from '../components/week-picker';
import type { PickerKind, PickerOption } from '../components/week-picker';
import { useTimetableT } from '../use-timetable-t';

/**
 * Today's lessons above a week grid. Whole-school readers choose whose week to see (a teacher
 * starts on her own); a student sees her own week, a guardian each child's.
 */
export function TimetablePage() {
  const tt = useTimetableT();
  const me = useCurrentMe();
  const navigation = useNavigation();
  const school = useSchool();
  const today = todayIn(school.timezone);
  const day = useMyDay(today);
  const scopes = me.scopes['timetable:read'] ?? [];
  const canManage = hasPermission(me, 'timetable:manage');
  const canRecord =
    hasPermission(me, 'attendance:record') && hasNavigationEntry(navigation, 'attendance');
  const [copying, setCopying] = useState(false);
  const [shownTermId, setShownTermId] = useState('');

  const wholeSchool = scopes.includes('all') || scopes.includes('own-classes');
  return (
    <Stack gap="lg">
      <PageHeader
        title={tt('nav.timetable')}
        description={tt('timetable.description')}
        actions={
          canManage && (
            <Group gap="sm">
              <Button component={Link} to="/timetable/periods" variant="light">
                {tt('timetable.managePeriods')}
              </Button>
              <Button variant="light" onClick={() => setCopying(true)}>
                {tt('timetable.copy.open')}
              </Button>
            </Group>
          )
        }
      />
      <TodayStrip day={day} canRecord={canRecord} />
      {wholeSchool ? (
        day.isPending ? (
          <PageLoader />
        ) : (
          <SchoolWeek
            ownStaffId={day.data?.staffId ?? null}
            canManage={canManage}
            onTermShown={setShownTermId}
          />
        )
      ) : scopes.includes('children') ? (
        <ChildWeek />
      ) : day.isPending ? (
        <PageLoader />
      ) : day.data?.studentId ? (
        <WeekPanel
          selection={{ kind: 'student', id: day.data.studentId }}
          label={me.user.name}
          show={{ group: false, teacher: true, room: true }}
        />
      ) : (
        <Text>{tt('timetable.grid.choose')}</Text>
      )}
      {canManage && (
        <CopyDialog opened={copying} fromTermId={shownTermId} onClose={() => setCopying(false)} />
      )}
    </Stack>
  );
}

const SHOWN: Record<PickerKind, ShownDetails> = {
  section: { group: false, teacher: true, room: true },
  teacher: { group: true, teacher: false, room: true },
  room: { group: true, teacher: true, room: false },
  student: { group: false, teacher: true, room: true },
};

function SchoolWeek({
  ownStaffId,
  canManage,
  onTermShown,
}: {
  ownStaffId: string | null;
  canManage: boolean;
  onTermShown: (termId: string) => void;
}) {
  const terms = useTerms();
  const sections = useSectionOptions();
  const teachers = useTeachers();
  const rooms = useRooms();
  const options = useMemo(
    () => ({
      section: sections.map((o) => ({ value: o.section.id, label: o.label })),
      teacher: (teachers.data ?? []).map((s) => ({ value: s.id, label: personName(s) })),
      room: (rooms.data ?? []).map((r) => ({ value: r.id, label: r.name })),
    }),
    [sections, teachers.data, rooms.data],
  );
  const [termId, setTermId] = useState('');
  const [kind, setKind] = useState<PickerKind>(ownStaffId ? 'teacher' : 'section');
  const [chosen, setChosen] = useState<PickerOption | null>(null);

  // Until someone is chosen, a teacher sees her own week and the office the first section.
  const fallback =
    kind === 'teacher' && ownStaffId
      ? (options.teacher.find((o) => o.value === ownStaffId) ?? { value: ownStaffId, label: '' })
      : kind === 'section'
        ? (options.section[0] ?? null)
        : null;
  const picked = chosen ?? fallback;

  return (
    <Stack gap="md">
      <WeekPicker
        terms={terms.data ?? []}
        termId={termId}
        onTermChange={setTermId}
        kind={kind}
        onKindChange={(next) => {
          setKind(next);
          setChosen(null);
        }}
        options={options}
        value={picked}
        onChange={setChosen}
      />
      {picked ? (
        <WeekPanel
          selection={{ kind, id: picked.value, ...(termId ? { termId } : {}) }}
          label={picked.label}
          show={SHOWN[kind]}
          canManage={canManage}
          onTermShown={onTermShown}
        />
      ) : (
        <TimetableHint />
      )}
    </Stack>
  );
}

function TimetableHint() {
  const tt = useTimetableT();
  return <Text>{tt('timetable.grid.choose')}</Text>;
}

function ChildWeek() {
  const tt = useTimetableT();
  // A guardian's student list holds exactly her own children.
  const children = useStudents({});
  const list = children.data?.pages.flatMap((page) => page.items) ?? [];
  const [childId, setChildId] = useState('');
  const child = list.find((c) => c.id === childId) ?? list[0];

  if (children.isPending) return <PageLoader />;
  if (children.isError) return <TimetableErrorAlert error={children.error} />;
  if (!child) return <Text>{tt('timetable.filters.noChildren')}</Text>;
  return (
    <Stack gap="md">
      {list.length > 1 && (
        <NativeSelect
          label={tt('timetable.filters.child')}
          value={child.id}
          onChange={(e) => setChildId(e.currentTarget.value)}
          data={list.map((c) => ({ value: c.id, label: personName(c) }))}
          maw={320}
        />
      )}
      <WeekPanel
        selection={{ kind: 'student', id: child.id }}
        label={personName(child)}
        show={SHOWN.student}
      />
    </Stack>
  );
}

interface WeekPanelProps {
  selection: WeekSelection;
  label: string;
  show: ShownDetails;
  canManage?: boolean;
  onTermShown?: (termId: string) => void;
}

function WeekPanel({ selection, label, show, canManage = false, onTermShown }: WeekPanelProps) {
  const tt = useTimetableT();
  const week = useWeek(selection);
  const [target, setTarget] = useState<EntryTarget | null>(null);
  const shownTermId = week.data?.term.id;
  useEffect(() => {
    if (shownTermId) onTermShown?.(shownTermId);
  }, [shownTermId, onTermShown]);

  if (week.isPending) return <PageLoader />;
  if (week.isError) return <TimetableErrorAlert error={week.error} />;
  const data: Week = week.data;
  if (data.periods.length === 0) {
    return (
      <Text>
        {canManage ? tt('timetable.grid.noPeriodsAdmin') : tt('timetable.grid.noPeriods')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {data.entries.length === 0 && !canManage && <Text>{tt('timetable.grid.empty')}</Text>}
      <WeekGrid
        week={data}
        caption={tt('timetable.grid.caption', { name: label, term: data.term.name })}
        show={show}
        {...(canManage
          ? {
              onAdd: (day, period) => setTarget({ entry: null, day, periodId: period.id }),
              onEdit: (entry) => setTarget({ entry, day: entry.day, periodId: entry.period.id }),
            }
          : {})}
      />
      {canManage && (
        <EntryDialog
          target={target}
          termId={data.term.id}
          periods={data.periods}
          onClose={() => setTarget(null)}
        />
      )}
    </Stack>
  );
}
