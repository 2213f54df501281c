import { describe, expect, it } from 'vitest';
import { orderForInsert, type TableDependencies } from './table-order.js';

const names = (tables: TableDependencies[]) => orderForInsert(tables).map((t) => t.name);

describe('orderForInsert', () => {
  it('puts referenced tables first and breaks ties alphabetically', () => {
    expect(
      names([
        { name: 'user_custom_roles', references: ['users', 'custom_roles'] },
        { name: 'users', references: [] },
        { name: 'sessions', references: ['users'] },
        { name: 'custom_roles', references: [] },
        { name: 'audit_events', references: [] },
      ]),
    ).toEqual(['audit_events', 'custom_roles', 'users', 'sessions', 'user_custom_roles']);
  });

  it('ignores references to itself and to tables outside the list', () => {
    expect(
      names([
        { name: 'staff', references: ['staff', 'schools'] },
        { name: 'classes', references: ['staff'] },
      ]),
    ).toEqual(['staff', 'classes']);
  });

  it('refuses foreign keys that form a cycle', () => {
    expect(() =>
      orderForInsert([
        { name: 'a', references: ['b'] },
        { name: 'b', references: ['a'] },
        { name: 'c', references: [] },
      ]),
    ).toThrow(/cycle: a, b/);
  });
});
