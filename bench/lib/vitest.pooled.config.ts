// The repository's Vitest configuration, with every import of src/test/test-database.ts
// answered by bench/lib/pooled-test-database.ts instead (fault drill 5: the suite with the
// application's connections going through PgBouncer). Run from the repository root:
//   TEST_DATABASE_URL=<direct> BENCH_POOLED_APP_URL=<through PgBouncer> \
//     npx vitest run src/server --config bench/lib/vitest.pooled.config.ts
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../vitest.config.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const harness = path.join(root, 'src/test/test-database.ts');
const replacement = path.join(root, 'bench/lib/pooled-test-database.ts');

const pooledHarness: Plugin = {
  name: 'pooled-test-database',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || !source.includes('test-database') || importer === replacement) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id === harness ? replacement : null;
  },
};

export default mergeConfig(base, defineConfig({ root, plugins: [pooledHarness] }));
