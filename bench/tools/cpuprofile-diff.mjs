#!/usr/bin/env node
// Per-edit cost from two profiles of the same session with a different number of edits (the
// start-up and the first analysis cancel out): inclusive time per function in LONG minus SHORT,
// divided by COUNT (the difference in edits).
//   node bench/tools/cpuprofile-diff.mjs LONG.cpuprofile SHORT.cpuprofile COUNT [N]
import * as fs from 'node:fs';

const [longFile, shortFile, countArg, topArg] = process.argv.slice(2);
if (!longFile || !shortFile || !countArg) {
  console.error('usage: cpuprofile-diff.mjs LONG.cpuprofile SHORT.cpuprofile COUNT [N]');
  process.exit(2);
}
const count = Number(countArg);
const top = Number(topArg ?? 40);

/** Inclusive busy microseconds per function (a sample counts once per distinct function on its stack). */
function inclusive(file) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (node) => `${node.callFrame.functionName || '(anonymous)'}  ${node.callFrame.url ? node.callFrame.url.replace(/^.*\/(dist|out|node_modules)\//, '$1/') : '(native)'}`;
  const out = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    const leaf = byId.get(profile.samples[i]);
    if (leaf.callFrame.functionName === '(idle)') continue;
    const seen = new Set();
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const k = key(byId.get(id));
      if (seen.has(k)) continue;
      seen.add(k);
      out.set(k, (out.get(k) ?? 0) + dt);
    }
  }
  return out;
}
const long = inclusive(longFile);
const short = inclusive(shortFile);
const rows = [...long].map(([k, us]) => [k, (us - (short.get(k) ?? 0)) / 1000 / count]);
rows.sort((a, b) => b[1] - a[1]);
const total = rows.find(([k]) => k.startsWith('(root)'))?.[1] ?? 0;
console.log(`busy per edit: ${total.toFixed(2)} ms`);
for (const [k, ms] of rows.slice(0, top)) console.log(`${ms.toFixed(2).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);
