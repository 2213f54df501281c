import { describe, expect, it } from 'vitest';

import { isLifecycleAction, otherActions, statusActions } from './school-actions';

describe('statusActions', () => {
  it.each([
    ['trial', ['activate', 'suspend', 'archive', 'extendTrial', 'endTrial']],
    ['active', ['suspend', 'archive']],
    ['suspended', ['reactivate', 'archive']],
    ['archived', ['restore', 'delete']],
    ['provisioning', []],
    ['unknown', []],
  ])('offers a %s school %j', (status, actions) => {
    expect(statusActions(status)).toEqual(actions);
  });
});

describe('otherActions', () => {
  it('lets an operator visit only a school that is open', () => {
    expect(otherActions('active')).toContain('impersonate');
    expect(otherActions('trial')).toContain('impersonate');
    expect(otherActions('suspended')).not.toContain('impersonate');
  });

  it('leaves an archived school alone until it is restored', () => {
    expect(otherActions('archived')).toEqual([]);
  });

  it('offers maintenance, rename and plan changes to a live school', () => {
    expect(otherActions('suspended')).toEqual(['maintenance', 'rename', 'plan']);
  });
});

describe('isLifecycleAction', () => {
  it('tells status transitions from other actions', () => {
    expect(isLifecycleAction('suspend')).toBe(true);
    expect(isLifecycleAction('delete')).toBe(false);
    expect(isLifecycleAction('extendTrial')).toBe(false);
  });
});
