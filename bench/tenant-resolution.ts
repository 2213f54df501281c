// Measures tenant resolution on the hot path: classify the host, then find the school in the
// warm per-node cache. Target (architecture.md): under 5 µs per request.
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../src/server/config.js';
import { insertSchool } from '../src/server/modules/schools/schools.repository.js';
import { InvalidationBus } from '../src/server/platform/cache/invalidation-bus.js';
import { migratePglite, wrapPglite } from '../src/server/platform/db/database.js';
import { newId } from '../src/server/platform/db/ids.js';
import { TenantDirectory } from '../src/server/platform/tenancy/tenant-directory.js';
import { classifyHost } from '../src/shared/host-classification.js';

export interface TenantResolutionResult {
  schools: number;
  iterations: number;
  nsPerResolution: number;
  nsPerClassification: number;
}

export async function benchTenantResolution(
  schools = 1_000,
  iterations = 1_000_000,
): Promise<TenantResolutionResult> {
  const client = new PGlite();
  await migratePglite(client);
  const db = await wrapPglite(client);
  const slugs = Array.from({ length: schools }, (_, i) => `bench-school-${i}`);
  await db.withPlatform(async (tx) => {
    for (const slug of slugs) {
      await insertSchool(tx, {
        id: newId(),
        slug,
        name: slug,
        status: 'active',
        planId: 'standard',
      });
    }
  });
  const config = loadConfig({ ROOT_DOMAINS: 'localhost,schoolhouse.app' });
  const directory = new TenantDirectory(db, null, new InvalidationBus(null), { max: schools * 2 });
  const hosts = slugs.map((s, i) => `${s}.${i % 2 === 0 ? 'localhost:3000' : 'schoolhouse.app'}`);
  for (const slug of slugs) await directory.bySlug(slug);

  let sink = 0;
  const classifyStart = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const c = classifyHost(hosts[i % schools], config.hosts);
    if (c.kind === 'tenant') sink += c.slug.length;
  }
  const classifyNs = Number(process.hrtime.bigint() - classifyStart);

  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const c = classifyHost(hosts[i % schools], config.hosts);
    if (c.kind !== 'tenant') throw new Error(`unexpected ${c.kind}`);
    const found = directory.bySlug(c.slug);
    if (found instanceof Promise || !found) throw new Error('cache was not warm');
    sink += found.name.length;
  }
  const totalNs = Number(process.hrtime.bigint() - start);
  await db.close();
  if (sink === 0) throw new Error('nothing resolved');
  return {
    schools,
    iterations,
    nsPerResolution: totalNs / iterations,
    nsPerClassification: classifyNs / iterations,
  };
}
