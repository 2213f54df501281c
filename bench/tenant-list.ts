// Operator console: how fast the school list answers with many schools. Builds the schools
// with one set-based insert, then times listSchools for each sort and a search, reporting
// p50 and p99 over repeated first pages and deep keyset pages.
import { sql } from 'drizzle-orm';
import type { AppServices } from '../src/server/app.js';
import {
  listSchools,
  type SchoolListQuery,
} from '../src/server/modules/schools/lifecycle.service.js';
import type { PlatformContext } from '../src/server/platform/auth/context.js';
import type { Database } from '../src/server/platform/db/database.js';

export interface ListFigure {
  case: string;
  p50Ms: number;
  p99Ms: number;
  samples: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

export async function seedSchools(
  ownerQuery: (text: string) => Promise<unknown>,
  count: number,
): Promise<void> {
  await ownerQuery(`
    insert into schools (id, slug, name, status, plan_id, created_at, last_activity_at, student_count, requests_30d, user_count)
    select gen_random_uuid(), 'bench-' || i, 'Bench School ' || i,
           (array['active','active','active','trial','suspended'])[1 + i % 5],
           (array['free','standard','enterprise'])[1 + i % 3],
           now() - (i || ' minutes')::interval, now() - ((i * 7) % 10000 || ' seconds')::interval,
           (i * 37) % 2000, (i * 101) % 500000, (i * 13) % 300
      from generate_series(1, ${count}) i
    on conflict (slug) do nothing`);
  await ownerQuery('analyze schools');
}

export async function benchTenantList(
  db: Database,
  services: AppServices,
  samples = 200,
): Promise<ListFigure[]> {
  const ctx: PlatformContext = {
    requestId: 'bench',
    ip: '127.0.0.1',
    userAgent: null,
    services,
    operator: {
      sessionId: 'bench',
      operatorId: '00000000-0000-7000-8000-000000000000',
      email: 'bench@local',
      name: 'Bench',
    },
  };
  await db.withPlatform((tx) => tx.execute(sql`select 1`));
  const cases: [string, SchoolListQuery][] = [
    ['newest first', { sort: 'created' }],
    ['last activity', { sort: 'lastActivity' }],
    ['most students', { sort: 'students' }],
    ['most requests', { sort: 'requests' }],
    ['by name', { sort: 'name', order: 'asc' }],
    ['status = suspended', { status: 'suspended' }],
    ['plan = enterprise', { planId: 'enterprise' }],
    ['search "school 77"', { q: 'school 77' }],
  ];
  const figures: ListFigure[] = [];
  for (const [name, query] of cases) {
    const times: number[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) await listSchools(ctx, { ...query, limit: 50 });
    for (let i = 0; i < samples; i++) {
      // Alternate first pages and ever deeper keyset pages: both must stay fast.
      const started = process.hrtime.bigint();
      const page = await listSchools(ctx, {
        ...query,
        limit: 50,
        ...(i % 2 === 1 && cursor ? { cursor } : {}),
      });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      cursor = page.nextCursor ?? undefined;
    }
    times.sort((a, b) => a - b);
    figures.push({
      case: name,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      samples,
    });
  }
  return figures;
}
