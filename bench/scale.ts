// `npm run bench:scale`: the scale curve. Runs the load benchmark (bench/load.ts) at growing
// sizes — 10, 1,000 and 10,000 schools, then 1k, 100k and 1M students in total over 1,000
// schools — and prints, per endpoint, how throughput and latency move as the platform grows.
// Flat figures mean a request costs the same whatever other schools hold; the query plans in
// each run's JSON show the school_id-led indexes that keep it so.
//
//   npm run bench:scale -- [--seconds 5] [--connections 100] [--quick]
//
// Needs a build (npm run build) and BENCH_DATABASE_URL; uses REDIS_URL when set. --quick
// stops at 1,000 schools and 100k students (a few minutes instead of about ten).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Figure } from './lib/scenarios.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '100' },
    quick: { type: 'boolean', default: false },
  },
});

interface Size {
  label: string;
  schools: number;
  studentsPerSchool: number;
}

const bySchools: Size[] = [
  { label: '10 schools', schools: 10, studentsPerSchool: 20 },
  { label: '1,000 schools', schools: 1_000, studentsPerSchool: 20 },
  ...(values.quick ? [] : [{ label: '10,000 schools', schools: 10_000, studentsPerSchool: 20 }]),
];
const byStudents: Size[] = [
  { label: '1k students', schools: 1_000, studentsPerSchool: 1 },
  { label: '100k students', schools: 1_000, studentsPerSchool: 100 },
  ...(values.quick ? [] : [{ label: '1M students', schools: 1_000, studentsPerSchool: 1_000 }]),
];

interface Run {
  size: Size;
  figures: Figure[];
}

const dir = path.resolve('bench/results');
fs.mkdirSync(dir, { recursive: true });

function run(size: Size): Run {
  const out = path.join(dir, `scale-${size.schools}-${size.schools * size.studentsPerSchool}.json`);
  process.stdout.write(
    `\n== ${size.label} (${size.schools} schools × ${size.studentsPerSchool} students)\n`,
  );
  const result = spawnSync(
    'npx',
    [
      'tsx',
      'bench/load.ts',
      '--schools',
      String(size.schools),
      '--students',
      String(size.studentsPerSchool),
      '--connections',
      String(values.connections),
      '--seconds',
      String(values.seconds),
      '--out',
      out,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) throw new Error(`the load run at ${size.label} failed`);
  const parsed = JSON.parse(fs.readFileSync(out, 'utf8')) as { figures: Figure[] };
  return { size, figures: parsed.figures };
}

function table(title: string, runs: Run[]): string {
  const names = runs[0]?.figures.map((f) => f.name).filter((n) => !n.startsWith('baseline')) ?? [];
  const lines = [
    `### ${title}`,
    '',
    `| endpoint | ${runs.map((r) => `${r.size.label}: req/s · p50 · p99 ms`).join(' | ')} |`,
    `| --- | ${runs.map(() => '---').join(' | ')} |`,
  ];
  for (const name of names) {
    const cells = runs.map((r) => {
      const f = r.figures.find((x) => x.name === name);
      return f ? `${Math.round(f.requestsPerSecond)} · ${f.p50} · ${f.p99}` : '–';
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  const wrong = runs
    .flatMap((r) => r.figures)
    .reduce((n, f) => n + f.crossSchool + f.serverErrors, 0);
  lines.push('', `Cross-school answers and 5xx over all runs: ${wrong}.`);
  return lines.join('\n');
}

const schoolRuns = bySchools.map(run);
const studentRuns = byStudents.map(run);
const report = [
  `## Scale curve (${values.connections} connections, ${values.seconds} s per endpoint)`,
  '',
  table('By number of schools (20 students each)', schoolRuns),
  '',
  table('By number of students (1,000 schools)', studentRuns),
].join('\n');
process.stdout.write(`\n${report}\n`);
fs.writeFileSync(path.join(dir, 'scale.md'), `${report}\n`);
