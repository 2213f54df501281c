// `npx tsx bench/profile-summary.ts <file.cpuprofile> [--top 25]`: where a server's CPU went.
// Reads a V8 CPU profile (node --cpu-prof, e.g. through BENCH_NODE_ARGS on bench:load or
// bench:teaching) and prints self time by function and by package, as shares of all samples
// and of the busy (non-idle) ones.
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});
const file = positionals[0];
if (!file) {
  process.stderr.write('usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [--top N]\n');
  process.exit(2);
}
const top = Number(values.top);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));

const selfTime = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

function packageOf(frame: CallFrame): string {
  const url = frame.url;
  if (!url) return `(${frame.functionName || 'native'})`;
  const marker = '/node_modules/';
  const at = url.lastIndexOf(marker);
  if (at >= 0) {
    const parts = url.slice(at + marker.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? url);
  }
  if (url.startsWith('node:')) return url;
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? `schoolhouse ${url.slice(dist + 1)}` : url;
}

const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
let idle = 0;
for (const [id, micros] of selfTime) {
  const frame = frames.get(id);
  if (!frame) continue;
  total += micros;
  if (frame.functionName === '(idle)') idle += micros;
  const where = frame.url ? `${packageOf(frame)}:${frame.lineNumber + 1}` : 'native';
  const fn = `${frame.functionName || '(anonymous)'} ${where}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  const pkg = packageOf(frame);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
}
const busy = total - idle;

function table(title: string, entries: Map<string, number>): string {
  const rows = [...entries]
    .filter(([name]) => !name.includes('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([name, micros]) =>
        `| ${name} | ${((micros / busy) * 100).toFixed(1)} % | ${((micros / total) * 100).toFixed(1)} % |`,
    );
  return [`### ${title}`, '', '| where | of busy | of all |', '| --- | --- | --- |', ...rows].join(
    '\n',
  );
}

process.stdout.write(
  `${(total / 1e6).toFixed(1)} s sampled, ${((idle / total) * 100).toFixed(1)} % idle\n\n` +
    `${table('Self time by package', byPackage)}\n\n${table('Self time by function', byFunction)}\n`,
);
