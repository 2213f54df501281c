import { describe, expect, it } from 'vitest';

import { PERMISSIONS } from '../../../shared/permissions.js';
import en from '../../i18n/en.json';

import {
  groupPermissions,
  PERMISSION_LABELS,
  RESOURCE_LABELS,
  resourceOf,
} from './permission-labels';

function lookup(path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => {
    return typeof node === 'object' && node !== null
      ? (node as Record<string, unknown>)[part]
      : undefined;
  }, en);
}

describe('groupPermissions', () => {
  it('puts every permission of the catalogue in exactly one group, in catalogue order', () => {
    const groups = groupPermissions();
    expect(groups.flatMap((g) => g.permissions)).toEqual([...PERMISSIONS]);
    expect(new Set(groups.map((g) => g.resource)).size).toBe(groups.length);
  });

  it('groups by the part before the colon, keeping hyphenated resources whole', () => {
    expect(groupPermissions(['report-cards:read', 'fees:read', 'report-cards:publish'])).toEqual([
      { resource: 'report-cards', permissions: ['report-cards:read', 'report-cards:publish'] },
      { resource: 'fees', permissions: ['fees:read'] },
    ]);
    expect(resourceOf('guardians:update-self')).toBe('guardians');
  });
});

describe('labels', () => {
  it('name an English string for every permission and resource', () => {
    for (const key of Object.values(PERMISSION_LABELS)) expect(typeof lookup(key)).toBe('string');
    for (const key of Object.values(RESOURCE_LABELS)) expect(typeof lookup(key)).toBe('string');
  });
});
