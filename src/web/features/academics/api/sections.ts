import type {
  CreateSectionBody,
  GradeLevel,
  Section,
  UpdateSectionBody,
} from '../../../../shared/contracts/academics.js';

import { useMemo } from 'react';

import { useGradeLevels } from './grade-levels';
import { defineStructureResource, useStructureList } from './structure-resource';

/** `/api/sections`. */
export const sectionsResource = defineStructureResource<
  Section,
  CreateSectionBody,
  UpdateSectionBody
>('sections', 'name');

export function useSections() {
  return useStructureList(sectionsResource);
}

export interface SectionOption {
  section: Section;
  /** "Grade 1 A": the grade level's name and the section's. */
  label: string;
}

/** Sections in the order of their grade levels, each named with its grade level. */
export function sectionOptions(sections: Section[], gradeLevels: GradeLevel[]): SectionOption[] {
  const position = new Map(gradeLevels.map((grade, index) => [grade.id, index]));
  const gradeName = new Map(gradeLevels.map((grade) => [grade.id, grade.name]));
  return [...sections]
    .sort(
      (a, b) =>
        (position.get(a.gradeLevelId) ?? Number.MAX_SAFE_INTEGER) -
          (position.get(b.gradeLevelId) ?? Number.MAX_SAFE_INTEGER) ||
        a.name.localeCompare(b.name, undefined, { numeric: true }),
    )
    .map((section) => ({
      section,
      label: `${gradeName.get(section.gradeLevelId) ?? ''} ${section.name}`.trim(),
    }));
}

/** The school's sections with their labels, for pickers and for naming a student's section. */
export function useSectionOptions(): SectionOption[] {
  const sections = useSections();
  const gradeLevels = useGradeLevels();
  return useMemo(
    () => sectionOptions(sections.data ?? [], gradeLevels.data ?? []),
    [sections.data, gradeLevels.data],
  );
}
