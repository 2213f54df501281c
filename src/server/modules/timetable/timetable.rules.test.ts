import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import { isoWeekday } from '../enrollment/school-date.js';
import { slotWriteRefused } from './entries.service.js';
import {
  clockTime,
  dayName,
  findClashes,
  periodProblems,
  type SlotEntry,
} from './timetable.rules.js';

function entry(overrides: Partial<SlotEntry>): SlotEntry {
  return {
    id: 'e0',
    classId: 'c0',
    className: 'Class',
    sectionId: null,
    sectionName: null,
    gradeLevelId: null,
    gradeLevelName: null,
    roomId: null,
    roomName: null,
    teacherId: null,
    teacherName: null,
    ...overrides,
  };
}

const when = { day: 1, periodName: 'Period 1' };
const oneA = { sectionId: 's1a', sectionName: '1A', gradeLevelId: 'g1', gradeLevelName: 'Grade 1' };
const oneB = { sectionId: 's1b', sectionName: '1B', gradeLevelId: 'g1', gradeLevelName: 'Grade 1' };
const grade1 = { sectionId: null, gradeLevelId: 'g1', gradeLevelName: 'Grade 1' };

describe('days and times', () => {
  it('names ISO weekdays and finds the weekday of a date', () => {
    expect(dayName(1)).toBe('Monday');
    expect(dayName(7)).toBe('Sunday');
    expect(isoWeekday('2024-09-02')).toBe(1);
    expect(isoWeekday('2024-09-08')).toBe(7);
    expect(clockTime('08:05:00')).toBe('08:05');
  });
});

describe('periodProblems', () => {
  const first = { id: 'p1', name: 'Period 1', startsAt: '08:00', endsAt: '08:45', days: [1, 2] };

  it('refuses an end at or before the start', () => {
    expect(
      periodProblems({ name: 'x', startsAt: '09:00', endsAt: '08:59', days: [1] }, []),
    ).toEqual([{ field: 'endsAt', code: 'before_start', message: 'must be after the start time' }]);
  });

  it('finds overlaps only on shared days, and lets ends touch', () => {
    const at = (startsAt: string, endsAt: string, days: number[]) =>
      periodProblems({ name: 'x', startsAt, endsAt, days }, [first]);
    expect(at('08:44', '09:00', [2, 3])).toEqual([
      { field: 'startsAt', code: 'overlap', message: 'overlaps Period 1 (08:00–08:45) on Tuesday' },
    ]);
    expect(at('07:00', '09:00', [1])).toHaveLength(1);
    expect(at('08:45', '09:30', [1, 2])).toEqual([]);
    expect(at('07:15', '08:00', [1])).toEqual([]);
    expect(at('08:00', '08:45', [3, 4])).toEqual([]);
  });

  it('leaves the period itself out when it is being changed', () => {
    expect(periodProblems({ ...first, endsAt: '08:50' }, [first])).toEqual([]);
  });
});

describe('findClashes', () => {
  const existing = entry({
    id: 'e1',
    classId: 'math1a',
    className: 'Mathematics 1A',
    ...oneA,
    roomId: 'r1',
    roomName: 'R1',
    teacherId: 'ada',
    teacherName: 'Ada Lovelace',
  });

  it('finds nothing between different teachers, rooms and groups', () => {
    const other = entry({ id: 'e2', classId: 'x', ...oneB, roomId: 'r2', teacherId: 'ben' });
    expect(findClashes(other, [existing], when)).toEqual([]);
  });

  it('leaves the entry itself out', () => {
    expect(findClashes(existing, [existing], when)).toEqual([]);
  });

  it('names a busy teacher and a booked room', () => {
    const clash = findClashes(
      entry({ id: 'e2', classId: 'x', ...oneB, roomId: 'r1', teacherId: 'ada' }),
      [existing],
      when,
    );
    expect(clash.map((c) => c.message)).toEqual([
      'Ada Lovelace already teaches Mathematics 1A on Monday in Period 1.',
      'Room R1 is already booked for Mathematics 1A on Monday in Period 1.',
    ]);
  });

  it('does not say "Room" twice for a room named as one', () => {
    const clash = findClashes(
      entry({ id: 'e2', roomId: 'r1' }),
      [{ ...existing, roomName: 'Room 12' }],
      when,
    );
    expect(clash[0]?.message).toBe(
      'Room 12 is already booked for Mathematics 1A on Monday in Period 1.',
    );
  });

  it('reports the class itself without also reporting its section', () => {
    const clash = findClashes(entry({ id: 'e2', classId: 'math1a', ...oneA }), [existing], when);
    expect(clash.map((c) => c.code)).toEqual(['class_busy']);
  });

  it('lets a whole-grade class clash with its sections and with another whole-grade class', () => {
    const science = entry({ id: 'e3', classId: 'sci1', className: 'Science 1', ...grade1 });
    expect(findClashes(science, [existing], when).map((c) => c.message)).toEqual([
      'Section 1A of Grade 1 already has Mathematics 1A on Monday in Period 1.',
    ]);
    expect(
      findClashes(entry({ id: 'e4', classId: 'y', ...oneB }), [science], when).map(
        (c) => c.message,
      ),
    ).toEqual(['Section 1B already has Science 1 on Monday in Period 1.']);
    expect(
      findClashes(entry({ id: 'e5', classId: 'z', ...grade1 }), [science], when).map(
        (c) => c.message,
      ),
    ).toEqual(['Grade 1 already has Science 1 on Monday in Period 1.']);
    const otherGrade = entry({ id: 'e6', classId: 'w', sectionId: null, gradeLevelId: 'g2' });
    expect(findClashes(otherGrade, [science, existing], when)).toEqual([]);
  });
});

describe('slotWriteRefused', () => {
  it('turns a slot index violation from a concurrent write into TIMETABLE_CONFLICT', () => {
    const raced = Object.assign(new Error('duplicate key'), {
      cause: { code: '23505', constraint: 'timetable_entries_room_slot_key' },
    });
    let thrown: unknown;
    try {
      slotWriteRefused(raced);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('TIMETABLE_CONFLICT');
    expect((thrown as AppError).details).toEqual([
      expect.objectContaining({ field: 'roomId', code: 'room_busy' }),
    ]);
  });

  it('passes other errors through', () => {
    const other = new Error('boom');
    expect(() => slotWriteRefused(other)).toThrow(other);
  });
});
