import { useMemo } from 'react';

import type { GradeLevel, Room, Subject, Term } from '../../../shared/contracts/academics.js';
import type { Staff } from '../../../shared/contracts/people.js';
import { personName } from '../../lib/person-name';
import { useGradeLevels } from '../academics/api/grade-levels';
import { useRooms } from '../academics/api/rooms';
import { sectionOptions, useSections } from '../academics/api/sections';
import type { SectionOption } from '../academics/api/sections';
import { useSubjects } from '../academics/api/subjects';
import { useTerms } from '../academics/api/terms';
import { useTeachers } from '../staff/api/list-staff';

export interface ClassLookups {
  terms: Term[];
  subjects: Subject[];
  gradeLevels: GradeLevel[];
  sections: SectionOption[];
  rooms: Room[];
  teachers: Staff[];
  /** "Grade 1 A" for a section, "Grade 1" for a whole grade level. */
  groupLabel: (group: { sectionId: string | null; gradeLevelId: string | null }) => string;
  termName: (id: string) => string;
  subjectName: (id: string) => string;
  roomName: (id: string | null) => string;
  teacherName: (id: string) => string;
}

/**
 * Classes and their summaries carry ids; these are the names to show for them, read once
 * from the academic structure and the staff directory.
 */
export function useClassLookups(): ClassLookups {
  const terms = useTerms();
  const subjects = useSubjects();
  const gradeLevels = useGradeLevels();
  const sections = useSections();
  const rooms = useRooms();
  const teachers = useTeachers();

  return useMemo(() => {
    const options = sectionOptions(sections.data ?? [], gradeLevels.data ?? []);
    const sectionLabel = new Map(options.map((o) => [o.section.id, o.label]));
    const gradeName = new Map((gradeLevels.data ?? []).map((g) => [g.id, g.name]));
    const termName = new Map((terms.data ?? []).map((term) => [term.id, term.name]));
    const subjectName = new Map((subjects.data ?? []).map((s) => [s.id, s.name]));
    const roomName = new Map((rooms.data ?? []).map((r) => [r.id, r.name]));
    const teacherName = new Map((teachers.data ?? []).map((s) => [s.id, personName(s)]));
    return {
      terms: terms.data ?? [],
      subjects: subjects.data ?? [],
      gradeLevels: gradeLevels.data ?? [],
      sections: options,
      rooms: rooms.data ?? [],
      teachers: teachers.data ?? [],
      groupLabel: ({ sectionId, gradeLevelId }) =>
        (sectionId ? sectionLabel.get(sectionId) : undefined) ??
        (gradeLevelId ? gradeName.get(gradeLevelId) : undefined) ??
        '—',
      termName: (id) => termName.get(id) ?? '—',
      subjectName: (id) => subjectName.get(id) ?? '—',
      roomName: (id) => (id ? (roomName.get(id) ?? '—') : '—'),
      teacherName: (id) => teacherName.get(id) ?? '—',
    };
  }, [terms.data, subjects.data, gradeLevels.data, sections.data, rooms.data, teachers.data]);
}
