/**
 * `npx tsx scripts/bench/cpuprofile-top.ts <file.cpuprofile> [n]`: the top `n`
 * (default 25) functions of a V8 CPU profile (`node --cpu-prof`) by self
 * time, with their share of the samples and their total (inclusive) time.
 * Used to find what a call costs; see the "cost per call" notes in the README.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  name: string;
  where: string;
  selfMs: number;
  selfShare: number;
  totalMs: number;
}

/** Self and inclusive time per function (frames merged by name and location). */
export function topOfProfile(profile: CpuProfile, n = 25): { rows: ProfileRow[]; sampledMs: number } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const keyOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'}\u0000${url}:${lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let sampledUs = 0;
  for (const [id, us] of selfUs) {
    sampledUs += us;
    const node = byId.get(id)!;
    self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + us);
    }
  }
  const rows = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, us]) => {
      const [name, where] = key.split('\u0000');
      return { name, where: shortWhere(where), selfMs: us / 1000, selfShare: us / sampledUs, totalMs: (total.get(key) ?? 0) / 1000 };
    });
  return { rows, sampledMs: sampledUs / 1000 };
}

function shortWhere(where: string): string {
  const path = where.replace(/^file:\/\//, '');
  const nodeModules = path.lastIndexOf('node_modules/');
  if (nodeModules >= 0) return path.slice(nodeModules + 'node_modules/'.length);
  return path.startsWith('/') ? relative(process.cwd(), path) : path || '(native)';
}

export function printTopOfProfile(file: string, n = 25): void {
  const { rows, sampledMs } = topOfProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, n);
  console.log(`${file}: ${sampledMs.toFixed(0)} ms sampled; top ${rows.length} by self time`);
  console.log(`${'self ms'.padStart(9)} ${'self %'.padStart(7)} ${'total ms'.padStart(9)}  function  (where)`);
  for (const row of rows) {
    console.log(`${row.selfMs.toFixed(1).padStart(9)} ${(row.selfShare * 100).toFixed(1).padStart(6)}% ${row.totalMs.toFixed(1).padStart(9)}  ${row.name}  (${row.where})`);
  }
}

if (require.main === module) {
  const [file, n] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpuprofile-top.ts <file.cpuprofile> [n]');
  printTopOfProfile(file, n ? Number(n) : 25);
}
