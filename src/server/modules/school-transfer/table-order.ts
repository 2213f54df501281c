export interface TableDependencies {
  name: string;
  /** Other tables this one holds foreign keys to; references to itself are ignored here. */
  references: readonly string[];
}

/**
 * Orders tables so that every table comes after the tables it references (parents first),
 * alphabetically among tables that are free at the same time, so the order is stable.
 * References to tables outside the list are ignored. Throws when the foreign keys form a cycle.
 */
export function orderForInsert<T extends TableDependencies>(tables: readonly T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const names = new Set(byName.keys());
  const waitingOn = new Map<string, Set<string>>();
  for (const table of tables) {
    waitingOn.set(
      table.name,
      new Set(table.references.filter((r) => r !== table.name && names.has(r))),
    );
  }
  const ordered: T[] = [];
  while (waitingOn.size > 0) {
    const free = [...waitingOn].filter(([, parents]) => parents.size === 0).map(([name]) => name);
    if (free.length === 0) {
      throw new Error(
        `The foreign keys among tenant tables form a cycle: ${[...waitingOn.keys()].sort().join(', ')}`,
      );
    }
    const next = free.sort()[0] as string;
    ordered.push(byName.get(next) as T);
    waitingOn.delete(next);
    for (const parents of waitingOn.values()) parents.delete(next);
  }
  return ordered;
}
