import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { classTeachers, sections } from '../academics/academics.table.js';
import { users } from '../users/users.table.js';
import { afterKey, containsPattern, orderByKey, type SortOrder } from './list-query.js';
import { staff } from './people.table.js';

export type StaffRecord = typeof staff.$inferSelect;

export interface StaffRow extends StaffRecord {
  userId: string | null;
}

export type StaffSort = 'name' | 'employeeNumber';

/** The account linked to the staff member (at most one: users_linked_staff_key). */
const staffUserJoin = and(eq(users.schoolId, staff.schoolId), eq(users.linkedStaffId, staff.id));

const staffSortKey = {
  name: [staff.lastName, staff.firstName, staff.id],
  employeeNumber: [staff.employeeNumber, staff.id],
} as const;

export function staffKeyOf(row: StaffRecord, sort: StaffSort): string[] {
  return sort === 'name' ? [row.lastName, row.firstName, row.id] : [row.employeeNumber, row.id];
}

function withUser(rows: { member: StaffRecord; userId: string | null }[]): StaffRow[] {
  return rows.map((r) => ({ ...r.member, userId: r.userId }));
}

export async function findStaff(
  tx: Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<StaffRow | null> {
  const query = tx
    .select({ member: staff, userId: users.id })
    .from(staff)
    .leftJoin(users, staffUserJoin)
    .where(eq(staff.id, id))
    .limit(1);
  const rows = withUser(options.lock ? await query.for('update', { of: staff }) : await query);
  return rows[0] ?? null;
}

export interface StaffListFilter {
  limit: number;
  sort: StaffSort;
  order: SortOrder;
  after?: string[];
  q?: string;
  isTeacher?: boolean;
  status?: StaffRecord['status'];
  department?: string;
}

export async function listStaff(tx: Tx, filter: StaffListFilter): Promise<StaffRow[]> {
  const key = [...staffSortKey[filter.sort]];
  const conditions: SQL[] = [];
  if (filter.after) conditions.push(afterKey(key, filter.after, filter.order));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const match = or(
      ilike(staff.firstName, pattern),
      ilike(staff.lastName, pattern),
      ilike(sql`${staff.firstName} || ' ' || ${staff.lastName}`, pattern),
      ilike(staff.employeeNumber, pattern),
    );
    if (match) conditions.push(match);
  }
  if (filter.isTeacher !== undefined) conditions.push(eq(staff.isTeacher, filter.isTeacher));
  if (filter.status) conditions.push(eq(staff.status, filter.status));
  if (filter.department !== undefined) conditions.push(eq(staff.department, filter.department));
  const rows = await tx
    .select({ member: staff, userId: users.id })
    .from(staff)
    .leftJoin(users, staffUserJoin)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(...orderByKey(key, filter.order))
    .limit(filter.limit + 1);
  return withUser(rows);
}

export async function insertStaff(tx: Tx, row: typeof staff.$inferInsert): Promise<StaffRecord> {
  const rows = await tx.insert(staff).values(row).returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('insert into staff returned no row');
  return inserted;
}

export async function updateStaff(
  tx: Tx,
  id: string,
  fields: Partial<
    Pick<
      StaffRecord,
      | 'employeeNumber'
      | 'firstName'
      | 'lastName'
      | 'email'
      | 'phone'
      | 'position'
      | 'department'
      | 'isTeacher'
      | 'status'
    >
  >,
): Promise<StaffRecord | null> {
  const rows = await tx
    .update(staff)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(staff.id, id))
    .returning();
  return rows[0] ?? null;
}

/** What keeps a staff member from being deleted: homerooms and classes they teach. */
export async function countStaffAssignments(
  tx: Tx,
  id: string,
): Promise<{ homerooms: number; classes: number }> {
  const homerooms = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(sections)
    .where(eq(sections.homeroomTeacherId, id));
  const classes = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(classTeachers)
    .where(eq(classTeachers.staffId, id));
  return { homerooms: homerooms[0]?.n ?? 0, classes: classes[0]?.n ?? 0 };
}

export async function deleteStaff(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.delete(staff).where(eq(staff.id, id)).returning({ id: staff.id });
  return rows.length === 1;
}
