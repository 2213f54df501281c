import type { ClassSummary } from '../../../shared/contracts/enrollment.js';
import type { SectionOption } from '../academics/api/sections';

/**
 * Who a class is taught to: "Grade 1 A" for a section (the summary names only the section,
 * so the grade level comes from the school's list), or the grade level's own name.
 */
export function classGroupLabel(
  summary: Pick<ClassSummary, 'section' | 'gradeLevel'>,
  sections: readonly SectionOption[],
): string {
  if (summary.section) {
    const id = summary.section.id;
    return sections.find((option) => option.section.id === id)?.label ?? summary.section.name;
  }
  return summary.gradeLevel?.name ?? '—';
}
