import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../simulator/paths.js';

/**
 * `node dist/bench/cpuprofile-summary.js <file.cpuprofile> [top]`: where a `node --cpu-prof` run's
 * time went, by self time, per function and per module (a package, a simulator file, or Node's
 * own internals), so a profile reads as a table instead of a flame graph.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, requestsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: cpuprofile-summary <file.cpuprofile> [top] [requests served]');
const top = Number(topArg ?? 25);
/** With the number of requests (or flows) served, each line also says its cost per request. */
const requests = requestsArg ? Number(requestsArg) : undefined;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

/** A package name, a path inside this repository, node:internal, or the V8 pseudo-frame itself. */
function moduleOf(url: string, functionName: string): string {
  if (!url) return `(${functionName || 'native'})`;
  if (url.startsWith('node:')) return url.startsWith('node:internal') ? 'node:internal' : url;
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  return relative(packageRoot, path);
}

const selfUs = new Map<number, number>();
for (const [i, id] of profile.samples.entries())
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));

const perFunction = new Map<string, number>();
const perModule = new Map<string, number>();
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = (byId.get(id) as ProfileNode).callFrame;
  if (functionName === '(idle)') continue;
  const module = moduleOf(url, functionName);
  const fn = `${functionName || '(anonymous)'} ${module}${url ? `:${lineNumber + 1}` : ''}`;
  perFunction.set(fn, (perFunction.get(fn) ?? 0) + us);
  perModule.set(module, (perModule.get(module) ?? 0) + us);
}

// Percentages are of the busy time: the event loop waiting for work is no request's cost.
const total = [...perModule.values()].reduce((sum, us) => sum + us, 0);
const perRequest = (us: number) => (requests ? `${(us / requests).toFixed(2).padStart(7)} µs/req  ` : '');
const print = (title: string, map: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(
      `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${perRequest(us)}${name}\n`,
    );
};
process.stdout.write(
  `${file}: ${(total / 1000).toFixed(0)} ms busy (idle left out)${requests ? `, ${perRequest(total)}in all` : ''}\n`,
);
print('self time by module', perModule);
print('self time by function', perFunction);
