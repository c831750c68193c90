#!/usr/bin/env node
// Inclusive (total) time per function of a V8 .cpuprofile: each sample counts once for every
// distinct function on its stack. `--from MS` skips the first MS milliseconds (start-up, the
// first analysis), so a profile of an edit session shows the edits only.
//   node bench/tools/cpuprofile-inclusive.mjs FILE.cpuprofile [N] [--from MS] [--per COUNT]
// `--per COUNT` also prints each figure divided by COUNT (e.g. per edit).
import * as fs from 'node:fs';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = Number(args[at + 1]);
  args.splice(at, 2);
  return value;
};
const from = option('--from') ?? 0;
const per = option('--per');
const [file, topArg] = args;
if (!file) {
  console.error('usage: cpuprofile-inclusive.mjs FILE.cpuprofile [N] [--from MS] [--per COUNT]');
  process.exit(2);
}
const top = Number(topArg ?? 40);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const keyOf = (node) => {
  const { callFrame } = node;
  const where = callFrame.url ? callFrame.url.replace(/^.*\/(dist|out|node_modules)\//, '$1/') : '(native)';
  return `${callFrame.functionName || '(anonymous)'}  ${where}:${callFrame.lineNumber + 1}`;
};
const inclusive = new Map();
let clock = 0;
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  clock += dt;
  if (clock < from * 1000) continue;
  const leaf = byId.get(profile.samples[i]);
  if (leaf.callFrame.functionName === '(idle)') continue;
  total += dt;
  const seen = new Set();
  for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
    const key = keyOf(byId.get(id));
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
  }
}
console.log(`busy samples from ${from} ms: ${(total / 1000).toFixed(1)} ms${per ? ` (${(total / 1000 / per).toFixed(2)} ms per 1/${per})` : ''}`);
for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  const perText = per ? `${(us / 1000 / per).toFixed(2).padStart(7)} ` : '';
  console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${perText}${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
}
