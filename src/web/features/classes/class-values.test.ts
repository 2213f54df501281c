import { describe, expect, it } from 'vitest';

import type { SchoolClass } from '../../../shared/contracts/academics.js';

import { classChanges, classValues, newClassBody, parseGroup } from './class-values';

const id = (n: number) => `0190a4c8-0000-7000-8000-${String(n).padStart(12, '0')}`;

const item: SchoolClass = {
  id: id(1),
  name: 'Mathematics Grade 1A',
  subjectId: id(2),
  termId: id(3),
  sectionId: id(4),
  gradeLevelId: null,
  roomId: id(5),
  teacherIds: [id(6), id(7)],
  createdAt: '2024-09-01T08:00:00.000Z',
  updatedAt: '2024-09-01T08:00:00.000Z',
};

describe('parseGroup', () => {
  it('reads a section or a grade level from the picker value', () => {
    expect(parseGroup(`section:${id(4)}`)).toEqual({ sectionId: id(4), gradeLevelId: null });
    expect(parseGroup(`grade:${id(8)}`)).toEqual({ sectionId: null, gradeLevelId: id(8) });
  });
});

describe('newClassBody', () => {
  it('leaves the name to the server when none is given', () => {
    const values = { ...classValues(item), name: ' ' };
    expect(newClassBody(values)).toEqual({
      subjectId: id(2),
      termId: id(3),
      sectionId: id(4),
      gradeLevelId: null,
      roomId: id(5),
      teacherIds: [id(6), id(7)],
    });
  });
});

describe('classChanges', () => {
  it('sends nothing when nothing changed, whatever the order of the teachers', () => {
    const values = { ...classValues(item), teacherIds: [id(7), id(6)] };
    expect(classChanges(item, values)).toEqual({});
  });

  it('moves a class from a section to a grade level with both fields', () => {
    const values = { ...classValues(item), group: `grade:${id(8)}`, roomId: '' };
    expect(classChanges(item, values)).toEqual({
      sectionId: null,
      gradeLevelId: id(8),
      roomId: null,
    });
  });
});
