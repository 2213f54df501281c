import {
  academicYears,
  gradeLevels,
  rooms,
  sections,
  subjects,
  terms,
} from '../server/modules/academics/academics.table.js';
import type { Database } from '../server/platform/db/database.js';
import { newId } from '../server/platform/db/ids.js';

export const SAMPLE_SUBJECTS = ['MATH', 'ENG', 'SCI', 'ARAB', 'HIST', 'GEO', 'ART', 'PE'];

export interface AcademicStructure {
  yearId: string;
  termId: string;
  /** Grade name → id. */
  grades: Map<string, string>;
  /** `Grade 1/A` → section id. */
  sections: Map<string, string>;
}

/**
 * The structure the sample CSV files expect: the current year 2026-2027 with Term 1, grades
 * 'Grade 1'..'Grade N' with sections A and B, the sample subjects and rooms 'Room 1'..'Room 12'.
 */
export async function createAcademicStructure(
  db: Database,
  schoolId: string,
  options: { grades?: number; sectionNames?: string[] } = {},
): Promise<AcademicStructure> {
  const gradeCount = options.grades ?? 6;
  const sectionNames = options.sectionNames ?? ['A', 'B'];
  return db.withTenant(schoolId, async (tx) => {
    const yearId = newId();
    await tx.insert(academicYears).values({
      schoolId,
      id: yearId,
      name: '2026-2027',
      startsOn: '2026-09-01',
      endsOn: '2027-06-30',
      isCurrent: true,
    });
    const termId = newId();
    await tx.insert(terms).values({
      schoolId,
      id: termId,
      academicYearId: yearId,
      name: 'Term 1',
      startsOn: '2026-09-01',
      endsOn: '2026-12-18',
    });
    const grades = new Map<string, string>();
    const sectionIds = new Map<string, string>();
    for (let g = 1; g <= gradeCount; g++) {
      const id = newId();
      grades.set(`Grade ${g}`, id);
      await tx.insert(gradeLevels).values({ schoolId, id, name: `Grade ${g}`, sortOrder: g });
      for (const name of sectionNames) {
        const sectionId = newId();
        sectionIds.set(`Grade ${g}/${name}`, sectionId);
        await tx.insert(sections).values({ schoolId, id: sectionId, gradeLevelId: id, name });
      }
    }
    await tx
      .insert(subjects)
      .values(SAMPLE_SUBJECTS.map((code) => ({ schoolId, id: newId(), code, name: code })));
    await tx
      .insert(rooms)
      .values(
        Array.from({ length: 12 }, (_, i) => ({ schoolId, id: newId(), name: `Room ${i + 1}` })),
      );
    return { yearId, termId, grades, sections: sectionIds };
  });
}
