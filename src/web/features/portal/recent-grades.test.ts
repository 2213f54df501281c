import { describe, expect, it } from 'vitest';

import type { StudentClassGrades, StudentGrades } from '../../../shared/contracts/gradebook.js';

import { classAverages, recentGrades } from './recent-grades';

type Assessment = StudentClassGrades['assessments'][number];

function assessment(
  id: string,
  dueOn: string | null,
  score: Assessment['score'],
  published = true,
): Assessment {
  return { id, categoryId: 'c', title: id, maxScore: 10, dueOn, published, score };
}

const scored = (points: number): Assessment['score'] => ({
  status: 'scored',
  points,
  comment: null,
});

function classGrades(
  id: string,
  subject: string,
  assessments: Assessment[],
  percent: number | null,
  band: string | null,
): StudentClassGrades {
  return {
    class: { id, name: `${subject} 7A` },
    subject: { id: `s-${id}`, code: subject.slice(0, 3).toUpperCase(), name: subject },
    teachers: [],
    categories: [],
    assessments,
    percent,
    band,
  };
}

const grades: StudentGrades = {
  student: { id: 'lina', admissionNumber: 'A1', firstName: 'Lina', lastName: 'Haddad' },
  term: { id: 't1', name: 'Term 1', startsOn: '2025-09-01', endsOn: '2025-12-19' },
  classes: [
    classGrades(
      'maths',
      'Maths',
      [
        assessment('maths-quiz', '2025-09-20', scored(8)),
        assessment('maths-test', '2025-10-10', scored(6)),
        assessment('maths-undated', null, scored(9)),
        assessment('maths-unscored', '2025-10-20', null),
      ],
      72.5,
      'C',
    ),
    classGrades(
      'science',
      'Science',
      [
        assessment('science-lab', '2025-10-01', { status: 'missing', points: null, comment: null }),
        assessment('science-hidden', '2025-10-15', scored(10), false),
        assessment('science-essay', '2025-10-12', {
          status: 'excused',
          points: null,
          comment: null,
        }),
      ],
      null,
      null,
    ),
    classGrades('art', 'Art', [], 91, 'A'),
  ],
  missingCountsAsZero: false,
  scale: { id: null, name: 'A–F', bands: [] },
};

describe('recentGrades', () => {
  it('lists marked, published assessments by latest due date, undated last', () => {
    expect(recentGrades(grades, 10).map((g) => g.assessmentId)).toEqual([
      'science-essay',
      'maths-test',
      'science-lab',
      'maths-quiz',
      'maths-undated',
    ]);
  });

  it('keeps only as many as asked for', () => {
    expect(recentGrades(grades, 2).map((g) => g.assessmentId)).toEqual([
      'science-essay',
      'maths-test',
    ]);
    expect(recentGrades(grades, 0)).toEqual([]);
  });

  it('carries the class and the mark', () => {
    expect(recentGrades(grades, 2)[1]).toEqual({
      assessmentId: 'maths-test',
      title: 'maths-test',
      classId: 'maths',
      className: 'Maths 7A',
      subjectName: 'Maths',
      dueOn: '2025-10-10',
      maxScore: 10,
      status: 'scored',
      points: 6,
    });
  });

  it('puts the undated assessment made last first among undated ones', () => {
    const undated = {
      ...grades,
      classes: [
        classGrades(
          'maths',
          'Maths',
          [assessment('first', null, scored(1)), assessment('second', null, scored(2))],
          null,
          null,
        ),
      ],
    };
    expect(recentGrades(undated).map((g) => g.assessmentId)).toEqual(['second', 'first']);
  });

  it('finds nothing when nothing is published', () => {
    expect(recentGrades({ ...grades, classes: [] })).toEqual([]);
  });
});

describe('classAverages', () => {
  it('gives each class its average and band, by subject', () => {
    expect(classAverages(grades)).toEqual([
      { classId: 'art', className: 'Art 7A', subjectName: 'Art', percent: 91, band: 'A' },
      { classId: 'maths', className: 'Maths 7A', subjectName: 'Maths', percent: 72.5, band: 'C' },
      {
        classId: 'science',
        className: 'Science 7A',
        subjectName: 'Science',
        percent: null,
        band: null,
      },
    ]);
  });
});
