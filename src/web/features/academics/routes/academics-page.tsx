import { Badge, Button, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type {
  AcademicYear,
  GradeLevel,
  Room,
  Section,
  Subject,
  Term,
} from '../../../../shared/contracts/academics.js';
import { PageHeader } from '../../../components/page-header';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { useAppLocale } from '../../../lib/app-locale';
import { formatCalendarDate } from '../../../lib/calendar-date';
import { hasPermission } from '../../../lib/permissions';
import { personName } from '../../../lib/person-name';
import { useCurrentMe } from '../../auth/api/get-me';
import { useTeachers } from '../../staff/api/list-staff';
import { academicYearsResource, useAcademicYears } from '../api/academic-years';
import { gradeLevelsResource, useGradeLevels } from '../api/grade-levels';
import { useMakeAcademicYearCurrent } from '../api/make-academic-year-current';
import { roomsResource, useRooms } from '../api/rooms';
import { sectionOptions, sectionsResource, useSections } from '../api/sections';
import { subjectsResource, useSubjects } from '../api/subjects';
import { termsResource, useTerms } from '../api/terms';
import { GradeLevelForm } from '../components/grade-level-form';
import { RoomForm } from '../components/room-form';
import { SectionForm } from '../components/section-form';
import { StructureTab } from '../components/structure-tab';
import { SubjectForm } from '../components/subject-form';
import { TermForm } from '../components/term-form';
import { YearForm } from '../components/year-form';

const TABS = ['years', 'terms', 'gradeLevels', 'sections', 'subjects', 'rooms'] as const;

export function AcademicsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canManage = hasPermission(me, 'academics:manage');

  return (
    <Stack gap="md">
      <PageHeader title={t('nav.academics')} description={t('academics.intro')} />
      <Tabs defaultValue="years" keepMounted={false}>
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`academics.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="years" pt="md">
          <YearsTab canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="terms" pt="md">
          <TermsTab canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="gradeLevels" pt="md">
          <GradeLevelsTab canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="sections" pt="md">
          <SectionsTab canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="subjects" pt="md">
          <SubjectsTab canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="rooms" pt="md">
          <RoomsTab canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function YearsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const years = useAcademicYears();
  const makeCurrent = useMakeAcademicYearCurrent();
  return (
    <Stack gap="md">
      <RecordErrorAlert error={makeCurrent.error} />
      <StructureTab<AcademicYear>
        resource={academicYearsResource}
        query={years}
        canManage={canManage}
        caption={t('academics.years.caption')}
        empty={t('academics.years.empty')}
        addLabel={t('academics.years.add')}
        addTitle={t('academics.years.add')}
        editTitle={(year) => t('academics.editTitle', { name: year.name })}
        deleteTitle={(year) => t('academics.deleteTitle', { name: year.name })}
        itemName={(year) => year.name}
        columns={[
          { header: t('academics.years.name'), cell: (year) => year.name },
          { header: t('academics.startsOn'), cell: (y) => formatCalendarDate(y.startsOn, locale) },
          { header: t('academics.endsOn'), cell: (y) => formatCalendarDate(y.endsOn, locale) },
          {
            header: t('academics.years.current'),
            cell: (year) =>
              year.isCurrent ? (
                <Badge color="green" variant="light" c="dark.8">
                  {t('academics.years.isCurrent')}
                </Badge>
              ) : (
                '—'
              ),
          },
        ]}
        Form={YearForm}
        extraActions={(year, notify) =>
          !year.isCurrent && (
            <Button
              size="xs"
              variant="default"
              aria-label={t('academics.years.makeCurrentNamed', { name: year.name })}
              loading={makeCurrent.isPending && makeCurrent.variables === year.id}
              disabled={makeCurrent.isPending}
              onClick={() =>
                makeCurrent.mutate(year.id, {
                  onSuccess: () => notify(t('academics.years.madeCurrent', { name: year.name })),
                })
              }
            >
              {t('academics.years.makeCurrent')}
            </Button>
          )
        }
      />
    </Stack>
  );
}

function TermsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const terms = useTerms();
  const years = useAcademicYears();
  const yearName = new Map((years.data ?? []).map((year) => [year.id, year.name]));
  return (
    <StructureTab<Term>
      resource={termsResource}
      query={terms}
      canManage={canManage}
      caption={t('academics.terms.caption')}
      empty={t('academics.terms.empty')}
      addLabel={t('academics.terms.add')}
      addTitle={t('academics.terms.add')}
      editTitle={(term) => t('academics.editTitle', { name: term.name })}
      deleteTitle={(term) => t('academics.deleteTitle', { name: term.name })}
      itemName={(term) => term.name}
      columns={[
        { header: t('academics.terms.name'), cell: (term) => term.name },
        {
          header: t('academics.terms.year'),
          cell: (term) => yearName.get(term.academicYearId) ?? '—',
        },
        {
          header: t('academics.startsOn'),
          cell: (term) => formatCalendarDate(term.startsOn, locale),
        },
        { header: t('academics.endsOn'), cell: (term) => formatCalendarDate(term.endsOn, locale) },
      ]}
      Form={TermForm}
    />
  );
}

function GradeLevelsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const gradeLevels = useGradeLevels();
  return (
    <StructureTab<GradeLevel>
      resource={gradeLevelsResource}
      query={gradeLevels}
      canManage={canManage}
      caption={t('academics.gradeLevels.caption')}
      empty={t('academics.gradeLevels.empty')}
      addLabel={t('academics.gradeLevels.add')}
      addTitle={t('academics.gradeLevels.add')}
      editTitle={(grade) => t('academics.editTitle', { name: grade.name })}
      deleteTitle={(grade) => t('academics.deleteTitle', { name: grade.name })}
      itemName={(grade) => grade.name}
      columns={[
        { header: t('academics.gradeLevels.name'), cell: (grade) => grade.name },
        { header: t('academics.gradeLevels.position'), cell: (grade) => grade.sortOrder },
      ]}
      Form={GradeLevelForm}
    />
  );
}

function SectionsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const sections = useSections();
  const gradeLevels = useGradeLevels();
  const teachers = useTeachers();
  const gradeName = new Map((gradeLevels.data ?? []).map((g) => [g.id, g.name]));
  const teacherName = new Map((teachers.data ?? []).map((s) => [s.id, personName(s)]));
  // In the order of the grade levels, so Grade 1's sections come first.
  const ordered = sectionOptions(sections.data ?? [], gradeLevels.data ?? []).map((o) => o.section);
  return (
    <StructureTab<Section>
      resource={sectionsResource}
      query={{ ...sections, data: sections.data ? ordered : undefined }}
      canManage={canManage}
      caption={t('academics.sections.caption')}
      empty={t('academics.sections.empty')}
      addLabel={t('academics.sections.add')}
      addTitle={t('academics.sections.add')}
      editTitle={(s) => t('academics.editTitle', { name: sectionLabel(s) })}
      deleteTitle={(s) => t('academics.deleteTitle', { name: sectionLabel(s) })}
      itemName={sectionLabel}
      columns={[
        { header: t('academics.sections.name'), cell: (s) => s.name },
        {
          header: t('academics.sections.gradeLevel'),
          cell: (s) => gradeName.get(s.gradeLevelId) ?? '—',
        },
        {
          header: t('academics.sections.homeroomTeacher'),
          cell: (s) => (s.homeroomTeacherId ? (teacherName.get(s.homeroomTeacherId) ?? '—') : '—'),
        },
      ]}
      Form={SectionForm}
    />
  );

  function sectionLabel(section: Section): string {
    return `${gradeName.get(section.gradeLevelId) ?? ''} ${section.name}`.trim();
  }
}

function SubjectsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const subjects = useSubjects();
  return (
    <StructureTab<Subject>
      resource={subjectsResource}
      query={subjects}
      canManage={canManage}
      caption={t('academics.subjects.caption')}
      empty={t('academics.subjects.empty')}
      addLabel={t('academics.subjects.add')}
      addTitle={t('academics.subjects.add')}
      editTitle={(s) => t('academics.editTitle', { name: s.name })}
      deleteTitle={(s) => t('academics.deleteTitle', { name: s.name })}
      itemName={(s) => s.name}
      columns={[
        { header: t('academics.subjects.code'), cell: (s) => <bdi>{s.code}</bdi> },
        { header: t('academics.subjects.name'), cell: (s) => s.name },
      ]}
      Form={SubjectForm}
    />
  );
}

const byName = new Intl.Collator(undefined, { numeric: true });

function RoomsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const rooms = useRooms();
  // "Room 2" before "Room 10".
  const ordered = rooms.data
    ? [...rooms.data].sort((a, b) => byName.compare(a.name, b.name))
    : undefined;
  return (
    <StructureTab<Room>
      resource={roomsResource}
      query={{ ...rooms, data: ordered }}
      canManage={canManage}
      caption={t('academics.rooms.caption')}
      empty={t('academics.rooms.empty')}
      addLabel={t('academics.rooms.add')}
      addTitle={t('academics.rooms.add')}
      editTitle={(room) => t('academics.editTitle', { name: room.name })}
      deleteTitle={(room) => t('academics.deleteTitle', { name: room.name })}
      itemName={(room) => room.name}
      columns={[
        { header: t('academics.rooms.name'), cell: (room) => room.name },
        { header: t('academics.rooms.capacity'), cell: (room) => room.capacity },
      ]}
      Form={RoomForm}
    />
  );
}
