import { describe, expect, it } from 'vitest';
import { effectiveGrants, navigationFor, PERMISSIONS, ROLE_GRANTS } from './permissions.js';

// The baseline table of domain.md, row by row, written out independently of ROLE_GRANTS:
// capability → permission → scope per role ('-' = not held).
const TABLE: Record<string, Record<string, string>> = {
  'school:manage': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: '-',
  },
  'users:manage': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: '-',
  },
  'roles:manage': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: '-',
  },
  'academics:manage': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: '-',
  },
  'academics:read': {
    admin: 'all',
    teacher: 'all',
    student: 'self',
    guardian: 'children',
    accountant: 'all',
    staff: 'all',
  },
  'timetable:read': {
    admin: 'all',
    teacher: 'all',
    student: 'self',
    guardian: 'children',
    accountant: 'all',
    staff: 'all',
  },
  'students:manage': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: 'all',
  },
  'students:read': {
    admin: 'all',
    teacher: 'own-classes',
    student: 'self',
    guardian: 'children',
    accountant: 'all',
    staff: 'all',
  },
  'enrollment:manage': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: 'all',
  },
  'guardians:manage': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: 'all',
  },
  'guardians:read': {
    admin: 'all',
    teacher: 'own-classes',
    student: 'self',
    guardian: 'self',
    accountant: 'all',
    staff: 'all',
  },
  'guardians:update-self': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: 'self',
    accountant: '-',
    staff: '-',
  },
  'staff:manage': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: '-',
  },
  'staff:read': {
    admin: 'all',
    teacher: 'all',
    student: '-',
    guardian: '-',
    accountant: 'all',
    staff: 'all',
  },
  'attendance:manage': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: '-',
  },
  'attendance:record': {
    admin: 'all',
    teacher: 'own-classes',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: 'all',
  },
  'attendance:read': {
    admin: 'all',
    teacher: 'own-classes',
    student: 'self',
    guardian: 'children',
    accountant: '-',
    staff: 'all',
  },
  'grades:manage': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: '-',
  },
  'grades:record': {
    admin: 'all',
    teacher: 'own-classes',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: '-',
  },
  'grades:read': {
    admin: 'all',
    teacher: 'own-classes',
    student: 'self',
    guardian: 'children',
    accountant: '-',
    staff: '-',
  },
  'report-cards:publish': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: '-',
  },
  'report-cards:comment': {
    admin: 'all',
    teacher: 'own-classes',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: '-',
  },
  'report-cards:read': {
    admin: 'all',
    teacher: 'own-classes',
    student: 'self',
    guardian: 'children',
    accountant: '-',
    staff: '-',
  },
  'fees:manage': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: 'all',
    staff: '-',
  },
  'fees:read': {
    admin: 'all',
    teacher: '-',
    student: 'self',
    guardian: 'children',
    accountant: 'all',
    staff: '-',
  },
  'audit:read': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: '-',
  },
  'exports:manage': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: '-',
  },
  'privacy:manage': {
    admin: 'all',
    teacher: '-',
    student: '-',
    guardian: '-',
    accountant: '-',
    staff: '-',
  },
};

describe('the default role matrix', () => {
  const cases = Object.entries(TABLE).flatMap(([permission, byRole]) =>
    Object.entries(byRole).map(([role, scope]) => [role, permission, scope] as const),
  );
  it.each(cases)('%s holds %s with scope %s', (role, permission, scope) => {
    const grants = effectiveGrants([role]);
    const held = grants[permission as keyof typeof grants];
    if (scope === '-') expect(held).toBeUndefined();
    else expect(held).toEqual([scope]);
  });

  it('grants nothing outside the catalog', () => {
    for (const grants of Object.values(ROLE_GRANTS)) {
      for (const permission of Object.keys(grants)) expect(PERMISSIONS).toContain(permission);
    }
  });
});

describe('effective grants', () => {
  it('unions scopes across roles and lets "all" absorb narrower ones', () => {
    const grants = effectiveGrants(['teacher', 'guardian']);
    expect(grants['students:read']?.sort()).toEqual(['children', 'own-classes']);
    expect(effectiveGrants(['teacher', 'staff'])['students:read']).toEqual(['all']);
  });

  it('adds custom role permissions school-wide and ignores unknown names', () => {
    const grants = effectiveGrants(['teacher'], ['audit:read', 'made:up']);
    expect(grants['audit:read']).toEqual(['all']);
    expect(Object.keys(grants)).not.toContain('made:up');
  });

  it('grants nothing to unknown roles', () => {
    expect(effectiveGrants(['superuser'])).toEqual({});
  });
});

describe('navigation', () => {
  const keys = (roles: string[], hidden?: Set<string>) =>
    navigationFor(effectiveGrants(roles), hidden).map((e) => e.key);

  it('shows an admin every entry', () => {
    expect(keys(['admin'])).toEqual([
      'dashboard',
      'students',
      'timetable',
      'attendance',
      'gradebook',
      'report-cards',
      'classes',
      'academics',
      'guardians',
      'staff',
      'imports',
      'users',
      'roles',
      'audit',
      'settings',
      'domains',
      'outbox',
      'profile',
    ]);
  });

  it.each(['teacher', 'student', 'guardian', 'accountant', 'staff'])(
    'shows %s no admin entry',
    (role) => {
      const expected: Record<string, string[]> = {
        teacher: [
          'dashboard',
          'students',
          'timetable',
          'attendance',
          'gradebook',
          'report-cards',
          'classes',
          'academics',
          'staff',
          'profile',
        ],
        student: ['dashboard', 'timetable', 'attendance', 'grades', 'report-cards', 'profile'],
        guardian: [
          'dashboard',
          'children',
          'timetable',
          'attendance',
          'grades',
          'report-cards',
          'profile',
        ],
        accountant: [
          'dashboard',
          'students',
          'timetable',
          'classes',
          'academics',
          'guardians',
          'staff',
          'profile',
        ],
        staff: [
          'dashboard',
          'students',
          'timetable',
          'attendance',
          'classes',
          'academics',
          'guardians',
          'staff',
          'profile',
        ],
      };
      expect(keys([role])).toEqual(expected[role]);
    },
  );

  it('hides entries the deployment switches off', () => {
    expect(keys(['admin'], new Set(['outbox']))).not.toContain('outbox');
  });
});
