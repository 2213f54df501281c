// `npm run bench`: every benchmark that gives Schoolhouse's headline figures, in one run.
//   1. bench/run.ts       tenant resolution and the school list over 10,000 schools
//   2. bench/load.ts      HTTP load over 1,000 schools against a bare node:http baseline, with
//                         every answer checked to belong to the school asked
//   3. bench/teaching.ts  attendance save and gradebook grid for a 40-student class
// Steps 2 and 3 need BENCH_DATABASE_URL (a PostgreSQL server; each step creates and drops its
// own database) and use REDIS_URL when set; the server is built first when dist/ is missing.
// Extra arguments go to the load step, e.g. `npm run bench -- --schools 10000 --students 100`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

function step(title: string, command: string, args: string[]): void {
  process.stdout.write(`\n# ${title}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`\n${title} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
}

const started = Date.now();
step('Tenant resolution and school list', 'npx', ['tsx', 'bench/run.ts']);
if (!process.env.BENCH_DATABASE_URL) {
  process.stdout.write(
    '\nBENCH_DATABASE_URL is not set: the HTTP load and teaching benchmarks need PostgreSQL, e.g.\n' +
      '  BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench\n',
  );
  process.exit(0);
}
if (!fs.existsSync('dist/server/main.js') || !fs.existsSync('dist/web/index.html')) {
  step('Build', 'npm', ['run', 'build']);
}
step('HTTP load over many schools', 'npx', ['tsx', 'bench/load.ts', ...process.argv.slice(2)]);
step('Teaching: attendance save and gradebook grid', 'npx', ['tsx', 'bench/teaching.ts']);
process.stdout.write(`\nAll benchmarks done in ${Math.round((Date.now() - started) / 1000)} s.\n`);
