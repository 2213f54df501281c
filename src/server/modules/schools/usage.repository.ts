import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';

export interface UsageDelta {
  schoolId: string;
  bucketStart: Date;
  requests: number;
  errors: number;
  latencyBuckets: number[];
  lastSeenAt: Date;
}

/** Adds this node's counts to the hour buckets; other nodes add theirs to the same rows. */
export async function addUsage(tx: Tx, deltas: UsageDelta[]): Promise<void> {
  for (const d of deltas) {
    const buckets = `{${d.latencyBuckets.join(',')}}`;
    await tx.execute(sql`
      insert into school_usage (owner_school_id, bucket_start, requests, errors, latency_buckets)
      select ${d.schoolId}, ${d.bucketStart}, ${d.requests}, ${d.errors}, ${buckets}::int[]
       where exists (select 1 from schools where id = ${d.schoolId})
      on conflict (owner_school_id, bucket_start) do update set
        requests = school_usage.requests + excluded.requests,
        errors = school_usage.errors + excluded.errors,
        latency_buckets = (
          select array_agg(coalesce(a, 0) + coalesce(b, 0) order by i)
            from unnest(school_usage.latency_buckets, excluded.latency_buckets) with ordinality as x(a, b, i)
        )`);
    await tx.execute(sql`
      update schools set last_activity_at = greatest(coalesce(last_activity_at, ${d.lastSeenAt}), ${d.lastSeenAt})
       where id = ${d.schoolId}`);
  }
}

export async function addActiveUsers(
  tx: Tx,
  rows: { schoolId: string; day: string; actorKey: string }[],
): Promise<void> {
  for (const r of rows) {
    await tx.execute(sql`
      insert into school_active_users (owner_school_id, day, actor_key)
      select ${r.schoolId}, ${r.day}::date, ${r.actorKey}
       where exists (select 1 from schools where id = ${r.schoolId})
      on conflict do nothing`);
  }
}

/** Lock key for the figures refresh: one node at a time does it, the others skip a turn. */
const FIGURES_LOCK = 7031966002;

/**
 * Refreshes the per-school figures the console sorts by. The work grows with schools × tenant
 * tables (about 9 s for 10,000 schools on a 2-core machine), so it gets a statement timeout of
 * its own, and every node tries an advisory lock first: while one node refreshes, the others
 * skip. Returns whether this call did the refresh.
 */
export async function refreshSchoolFigures(tx: Tx): Promise<boolean> {
  const lock = await tx.execute<{ got: boolean }>(
    sql`select pg_try_advisory_xact_lock(${FIGURES_LOCK}) as got,
               set_config('statement_timeout', '300000', true)`,
  );
  if (!lock.rows[0]?.got) return false;
  await tx.execute(sql`
    update schools s
       set user_count = f.users, student_count = f.students, staff_count = f.staff, storage_bytes = f.storage_bytes
      from schoolhouse_school_figures() f
     where f.school_id = s.id
       and (s.user_count, s.student_count, s.staff_count, s.storage_bytes)
           is distinct from (f.users, f.students, f.staff, f.storage_bytes)`);
  await tx.execute(sql`
    update schools s set requests_30d = coalesce(u.total, 0)
      from (select s2.id, (select sum(requests) from school_usage
                            where owner_school_id = s2.id and bucket_start > now() - interval '30 days') as total
              from schools s2) u
     where u.id = s.id and s.requests_30d is distinct from coalesce(u.total, 0)`);
  await tx.execute(sql`delete from school_usage where bucket_start < now() - interval '90 days'`);
  await tx.execute(sql`delete from school_active_users where day < current_date - 90`);
  return true;
}
