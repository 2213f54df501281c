// `npm run bench`: prints Schoolhouse's performance figures as a Markdown table and writes
// them as JSON to bench/results/latest.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchTenantResolution } from './tenant-resolution.js';

const results: Record<string, unknown> = {
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  at: new Date().toISOString(),
};

const resolution = await benchTenantResolution();
results.tenantResolution = resolution;

const rows = [
  ['measure', 'figure', 'target'],
  ['---', '---', '---'],
  [
    `tenant resolution, warm cache (${resolution.schools} schools)`,
    `${(resolution.nsPerResolution / 1000).toFixed(2)} µs`,
    '< 5 µs',
  ],
  ['host classification alone', `${(resolution.nsPerClassification / 1000).toFixed(2)} µs`, ''],
];
process.stdout.write(`\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\n`);
const dir = path.resolve('bench/results');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`Wrote ${path.join(dir, 'latest.json')}\n`);
