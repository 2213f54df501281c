import type { LifecycleAction } from './api/change-school-status';

// What an operator can do to a school depends on its status; the server enforces the same
// transitions (lifecycle.service TRANSITIONS) and answers INVALID_TRANSITION otherwise.

export type SchoolAction =
  | LifecycleAction
  | 'extendTrial'
  | 'endTrial'
  | 'delete'
  | 'maintenance'
  | 'rename'
  | 'plan'
  | 'impersonate';

const BY_STATUS: Record<string, SchoolAction[]> = {
  trial: ['activate', 'suspend', 'archive', 'extendTrial', 'endTrial'],
  active: ['suspend', 'archive'],
  suspended: ['reactivate', 'archive'],
  archived: ['restore', 'delete'],
};

/** The status changes offered for a school in this status. */
export function statusActions(status: string): SchoolAction[] {
  return BY_STATUS[status] ?? [];
}

/**
 * Changes to a school that keeps its status. An archived school is only restored or deleted;
 * only a school that is open can be visited.
 */
export function otherActions(status: string): SchoolAction[] {
  if (status === 'archived' || status === 'provisioning') return [];
  const actions: SchoolAction[] = ['maintenance', 'rename', 'plan'];
  if (status === 'trial' || status === 'active') actions.push('impersonate');
  return actions;
}

/** Actions that close or remove something; their buttons are red. */
export const DANGEROUS_ACTIONS: ReadonlySet<SchoolAction> = new Set([
  'suspend',
  'archive',
  'delete',
  'endTrial',
]);

export function isLifecycleAction(action: SchoolAction): action is LifecycleAction {
  return ['activate', 'suspend', 'reactivate', 'archive', 'restore'].includes(action);
}
