// The one permission catalog, shared by the server's checks and the web app's navigation.
// A permission is `resource:action`; what a role may do with it is qualified by a scope:
//   all          the whole school
//   own-classes  classes the teacher teaches (and their students)
//   children     students linked to the guardian
//   self         the person's own records

export const PERMISSIONS = [
  'school:manage',
  'users:read',
  'users:manage',
  'roles:manage',
  'academics:read',
  'academics:manage',
  'timetable:read',
  'timetable:manage',
  'students:read',
  'students:manage',
  'enrollment:manage',
  'guardians:read',
  'guardians:manage',
  'guardians:update-self',
  'staff:read',
  'staff:manage',
  'attendance:read',
  'attendance:record',
  'attendance:manage',
  'grades:read',
  'grades:record',
  'grades:manage',
  'report-cards:read',
  'report-cards:comment',
  'report-cards:publish',
  'fees:read',
  'fees:manage',
  'audit:read',
  'exports:manage',
  'privacy:manage',
  'imports:manage',
  'mail-outbox:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const SCOPES = ['all', 'own-classes', 'children', 'self'] as const;
export type Scope = (typeof SCOPES)[number];

export const BUILT_IN_ROLES = [
  'admin',
  'teacher',
  'student',
  'guardian',
  'accountant',
  'staff',
] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

export type Grants = Partial<Record<Permission, Scope>>;

const everything = (): Grants => Object.fromEntries(PERMISSIONS.map((p) => [p, 'all'])) as Grants;

/** The default role matrix (domain.md, "Roles and permissions"). */
export const ROLE_GRANTS: Record<BuiltInRole, Grants> = {
  admin: everything(),
  teacher: {
    'academics:read': 'all',
    'timetable:read': 'all',
    'students:read': 'own-classes',
    'guardians:read': 'own-classes',
    'staff:read': 'all',
    'attendance:read': 'own-classes',
    'attendance:record': 'own-classes',
    'grades:read': 'own-classes',
    'grades:record': 'own-classes',
    'report-cards:read': 'own-classes',
    'report-cards:comment': 'own-classes',
  },
  student: {
    'academics:read': 'self',
    'timetable:read': 'self',
    'students:read': 'self',
    'guardians:read': 'self',
    'attendance:read': 'self',
    'grades:read': 'self',
    'report-cards:read': 'self',
    'fees:read': 'self',
  },
  guardian: {
    'academics:read': 'children',
    'timetable:read': 'children',
    'students:read': 'children',
    'guardians:read': 'self',
    'guardians:update-self': 'self',
    'attendance:read': 'children',
    'grades:read': 'children',
    'report-cards:read': 'children',
    'fees:read': 'children',
  },
  accountant: {
    'academics:read': 'all',
    'timetable:read': 'all',
    'students:read': 'all',
    'guardians:read': 'all',
    'staff:read': 'all',
    'fees:read': 'all',
    'fees:manage': 'all',
  },
  staff: {
    'academics:read': 'all',
    'timetable:read': 'all',
    'students:read': 'all',
    'students:manage': 'all',
    'enrollment:manage': 'all',
    'guardians:read': 'all',
    'guardians:manage': 'all',
    'staff:read': 'all',
    'attendance:read': 'all',
    'attendance:record': 'all',
  },
};

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export function isBuiltInRole(value: string): value is BuiltInRole {
  return (BUILT_IN_ROLES as readonly string[]).includes(value);
}

/** Effective grants: every scope each permission is held with, across all roles. */
export type EffectiveGrants = Partial<Record<Permission, Scope[]>>;

export function effectiveGrants(
  roles: readonly string[],
  customPermissions: readonly string[] = [],
): EffectiveGrants {
  const result: EffectiveGrants = {};
  const add = (permission: Permission, scope: Scope) => {
    const scopes = (result[permission] ??= []);
    if (!scopes.includes(scope)) scopes.push(scope);
  };
  for (const role of roles) {
    if (!isBuiltInRole(role)) continue;
    for (const [permission, scope] of Object.entries(ROLE_GRANTS[role]) as [Permission, Scope][]) {
      add(permission, scope);
    }
  }
  // Custom roles are school-defined sets of permissions held across the whole school.
  for (const permission of customPermissions) if (isPermission(permission)) add(permission, 'all');
  for (const scopes of Object.values(result)) {
    if (scopes.includes('all')) scopes.splice(0, scopes.length, 'all');
  }
  return result;
}

export interface NavigationEntry {
  key: string;
  labelKey: string;
  path: string;
  /** Shown when the actor holds this permission (with one of these scopes, if given). */
  requires: { permission: Permission; scopes?: Scope[] } | null;
}

/** Every page of the web app that appears in the menu, in menu order. */
export const NAVIGATION: readonly NavigationEntry[] = [
  { key: 'dashboard', labelKey: 'nav.dashboard', path: '/', requires: null },
  {
    key: 'students',
    labelKey: 'nav.students',
    path: '/students',
    requires: { permission: 'students:read', scopes: ['all', 'own-classes'] },
  },
  {
    key: 'children',
    labelKey: 'nav.children',
    path: '/students',
    requires: { permission: 'students:read', scopes: ['children'] },
  },
  {
    key: 'timetable',
    labelKey: 'nav.timetable',
    path: '/timetable',
    requires: { permission: 'timetable:read' },
  },
  {
    key: 'attendance',
    labelKey: 'nav.attendance',
    path: '/attendance',
    requires: { permission: 'attendance:read' },
  },
  {
    key: 'gradebook',
    labelKey: 'nav.gradebook',
    path: '/gradebook',
    requires: { permission: 'grades:read', scopes: ['all', 'own-classes'] },
  },
  {
    key: 'grades',
    labelKey: 'nav.grades',
    path: '/grades',
    requires: { permission: 'grades:read', scopes: ['self', 'children'] },
  },
  {
    key: 'report-cards',
    labelKey: 'nav.reportCards',
    path: '/report-cards',
    requires: { permission: 'report-cards:read' },
  },
  {
    key: 'classes',
    labelKey: 'nav.classes',
    path: '/classes',
    requires: { permission: 'academics:read', scopes: ['all'] },
  },
  {
    key: 'academics',
    labelKey: 'nav.academics',
    path: '/academics',
    requires: { permission: 'academics:read', scopes: ['all'] },
  },
  {
    key: 'guardians',
    labelKey: 'nav.guardians',
    path: '/guardians',
    requires: { permission: 'guardians:read', scopes: ['all'] },
  },
  { key: 'staff', labelKey: 'nav.staff', path: '/staff', requires: { permission: 'staff:read' } },
  {
    key: 'imports',
    labelKey: 'nav.imports',
    path: '/admin/imports',
    requires: { permission: 'imports:manage' },
  },
  {
    key: 'users',
    labelKey: 'nav.users',
    path: '/admin/users',
    requires: { permission: 'users:manage' },
  },
  {
    key: 'roles',
    labelKey: 'nav.roles',
    path: '/admin/roles',
    requires: { permission: 'roles:manage' },
  },
  {
    key: 'audit',
    labelKey: 'nav.audit',
    path: '/admin/audit',
    requires: { permission: 'audit:read' },
  },
  {
    key: 'settings',
    labelKey: 'nav.settings',
    path: '/admin/settings',
    requires: { permission: 'school:manage' },
  },
  {
    key: 'domains',
    labelKey: 'nav.domains',
    path: '/admin/domains',
    requires: { permission: 'school:manage' },
  },
  {
    key: 'outbox',
    labelKey: 'nav.outbox',
    path: '/admin/outbox',
    requires: { permission: 'mail-outbox:read' },
  },
  { key: 'profile', labelKey: 'nav.profile', path: '/profile', requires: null },
];

export function navigationFor(
  grants: EffectiveGrants,
  hidden: ReadonlySet<string> = new Set(),
): NavigationEntry[] {
  return NAVIGATION.filter((entry) => {
    if (hidden.has(entry.key)) return false;
    if (!entry.requires) return true;
    const scopes = grants[entry.requires.permission];
    if (!scopes) return false;
    const wanted = entry.requires.scopes;
    return !wanted || scopes.some((s) => wanted.includes(s));
  });
}
