import { describe, expect, it } from 'vitest';

import type { Day, DayItem } from '../../../shared/contracts/timetable.js';

import {
  clockRange,
  lessonsOfStudent,
  lessonsTaught,
  takeAttendanceHref,
  takeAttendanceSearch,
} from './day-lessons';

const CLASS_ID = '11111111-1111-4111-8111-111111111111';
const PERIOD_ID = '22222222-2222-4222-8222-222222222222';

function item(
  className: string,
  startsAt: string,
  student: { id: string; name: string } | null,
): DayItem {
  return {
    entryId: `${className}-${startsAt}-${student?.id ?? 'taught'}`,
    termId: 't',
    day: 1,
    date: '2025-10-06',
    period: { id: PERIOD_ID, name: `P ${startsAt}`, startsAt, endsAt: '23:00' },
    class: { id: CLASS_ID, name: className, subjectName: className },
    section: null,
    gradeLevel: null,
    room: null,
    teacher: null,
    student,
  };
}

const lina = { id: 'lina', name: 'Lina Haddad' };
const omar = { id: 'omar', name: 'Omar Haddad' };

const day: Day = {
  date: '2025-10-06',
  day: 1,
  staffId: 'staff',
  studentId: null,
  items: [
    item('Science 7A', '10:00', lina),
    item('Maths 7A', '08:00', lina),
    item('History 9B', '09:00', omar),
    item('English 8C', '11:00', null),
    item('Art 8C', '08:00', null),
  ],
};

describe('lessonsOfStudent', () => {
  it("keeps one child's lessons, earliest first", () => {
    expect(lessonsOfStudent(day, 'lina').map((i) => i.class.name)).toEqual([
      'Maths 7A',
      'Science 7A',
    ]);
    expect(lessonsOfStudent(day, 'omar').map((i) => i.class.name)).toEqual(['History 9B']);
  });

  it('finds nothing for a student without lessons that day', () => {
    expect(lessonsOfStudent({ ...day, items: [] }, 'lina')).toEqual([]);
  });
});

describe('lessonsTaught', () => {
  it("keeps the teacher's own lessons, not her children's", () => {
    expect(lessonsTaught(day).map((i) => i.class.name)).toEqual(['Art 8C', 'English 8C']);
  });
});

describe('takeAttendance links', () => {
  it('name the class, the date and the period of the lesson', () => {
    const lesson = item('Art 8C', '08:00', null);
    expect(takeAttendanceSearch(lesson)).toEqual({
      classId: CLASS_ID,
      date: '2025-10-06',
      periodId: PERIOD_ID,
    });
    expect(takeAttendanceHref(lesson)).toBe(
      `/attendance/take?classId=${CLASS_ID}&date=2025-10-06&periodId=${PERIOD_ID}`,
    );
  });
});

describe('clockRange', () => {
  it('keeps the times left to right in right-to-left text', () => {
    expect(clockRange('08:00', '08:45')).toBe('\u206608:00–08:45\u2069');
  });
});
