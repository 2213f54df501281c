import { describe, expect, it } from 'vitest';

import type { Section } from '../../../shared/contracts/academics.js';

import { classGroupLabel } from './class-group';

const section: Section = {
  id: '0190a4c8-0000-7000-8000-0000000000a1',
  gradeLevelId: '0190a4c8-0000-7000-8000-0000000000b1',
  name: 'A',
  homeroomTeacherId: null,
  createdAt: '2024-09-01T08:00:00.000Z',
  updatedAt: '2024-09-01T08:00:00.000Z',
};

describe('classGroupLabel', () => {
  it("names a section with its grade level from the school's list", () => {
    expect(
      classGroupLabel({ section: { id: section.id, name: 'A' }, gradeLevel: null }, [
        { section, label: 'Grade 1 A' },
      ]),
    ).toBe('Grade 1 A');
  });

  it('falls back to the section name alone, and names a whole grade level', () => {
    expect(classGroupLabel({ section: { id: section.id, name: 'A' }, gradeLevel: null }, [])).toBe(
      'A',
    );
    expect(
      classGroupLabel(
        { section: null, gradeLevel: { id: section.gradeLevelId, name: 'Grade 2' } },
        [],
      ),
    ).toBe('Grade 2');
  });
});
