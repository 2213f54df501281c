import type { ParseKeysWithoutVariables } from 'i18next';

import { PERMISSIONS } from '../../../shared/permissions.js';
import type { Permission, Scope } from '../../../shared/permissions.js';

type ResourceOf<P> = P extends `${infer R}:${string}` ? R : never;
export type Resource = ResourceOf<Permission>;

// Keys are written out rather than built from the permission, so a permission added to the
// catalogue without a label is a type error here instead of a raw key on screen.
export const PERMISSION_LABELS = {
  'school:manage': 'permissions.schoolManage',
  'users:read': 'permissions.usersRead',
  'users:manage': 'permissions.usersManage',
  'roles:manage': 'permissions.rolesManage',
  'academics:read': 'permissions.academicsRead',
  'academics:manage': 'permissions.academicsManage',
  'timetable:read': 'permissions.timetableRead',
  'timetable:manage': 'permissions.timetableManage',
  'students:read': 'permissions.studentsRead',
  'students:manage': 'permissions.studentsManage',
  'enrollment:manage': 'permissions.enrollmentManage',
  'guardians:read': 'permissions.guardiansRead',
  'guardians:manage': 'permissions.guardiansManage',
  'guardians:update-self': 'permissions.guardiansUpdateSelf',
  'staff:read': 'permissions.staffRead',
  'staff:manage': 'permissions.staffManage',
  'attendance:read': 'permissions.attendanceRead',
  'attendance:record': 'permissions.attendanceRecord',
  'attendance:manage': 'permissions.attendanceManage',
  'grades:read': 'permissions.gradesRead',
  'grades:record': 'permissions.gradesRecord',
  'grades:manage': 'permissions.gradesManage',
  'report-cards:read': 'permissions.reportCardsRead',
  'report-cards:comment': 'permissions.reportCardsComment',
  'report-cards:publish': 'permissions.reportCardsPublish',
  'fees:read': 'permissions.feesRead',
  'fees:manage': 'permissions.feesManage',
  'audit:read': 'permissions.auditRead',
  'exports:manage': 'permissions.exportsManage',
  'privacy:manage': 'permissions.privacyManage',
  'imports:manage': 'permissions.importsManage',
  'mail-outbox:read': 'permissions.mailOutboxRead',
} as const satisfies Record<Permission, ParseKeysWithoutVariables>;

export const RESOURCE_LABELS = {
  school: 'permissionGroups.school',
  users: 'permissionGroups.users',
  roles: 'permissionGroups.roles',
  academics: 'permissionGroups.academics',
  timetable: 'permissionGroups.timetable',
  students: 'permissionGroups.students',
  enrollment: 'permissionGroups.enrollment',
  guardians: 'permissionGroups.guardians',
  staff: 'permissionGroups.staff',
  attendance: 'permissionGroups.attendance',
  grades: 'permissionGroups.grades',
  'report-cards': 'permissionGroups.reportCards',
  fees: 'permissionGroups.fees',
  audit: 'permissionGroups.audit',
  exports: 'permissionGroups.exports',
  privacy: 'permissionGroups.privacy',
  imports: 'permissionGroups.imports',
  'mail-outbox': 'permissionGroups.mailOutbox',
} as const satisfies Record<Resource, ParseKeysWithoutVariables>;

export const SCOPE_LABELS = {
  all: 'scopes.all',
  'own-classes': 'scopes.ownClasses',
  children: 'scopes.children',
  self: 'scopes.self',
} as const satisfies Record<Scope, ParseKeysWithoutVariables>;

export function resourceOf(permission: Permission): Resource {
  return permission.slice(0, permission.indexOf(':')) as Resource;
}

export interface PermissionGroup {
  resource: Resource;
  permissions: Permission[];
}

/** Permissions grouped by resource, both in the catalogue's order. */
export function groupPermissions(
  permissions: readonly Permission[] = PERMISSIONS,
): PermissionGroup[] {
  const groups: PermissionGroup[] = [];
  for (const permission of permissions) {
    const resource = resourceOf(permission);
    const group = groups.find((g) => g.resource === resource);
    if (group) group.permissions.push(permission);
    else groups.push({ resource, permissions: [permission] });
  }
  return groups;
}
