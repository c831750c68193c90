#!/usr/bin/env node
// Two builds of the core in ONE process, rounds alternating between them, so both see the same
// moment-to-moment machine load (a development aid on a shared machine; the figures to report
// come from core-ab.mjs, which keeps each build in fresh processes):
//   node bench/tools/core-ab-inprocess.mjs OLD_ROOT NEW_ROOT [rounds=16] [count=200] [bytes=20480]
// Prints, per build, the median and the minimum over rounds of the mean time per document.
import * as path from 'node:path';
import { createRequire } from 'node:module';

const self = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const [oldRoot, newRoot] = process.argv.slice(2, 4).map((p) => path.resolve(p));
const rounds = Number(process.argv[4] ?? 16);
const count = Number(process.argv[5] ?? 200);
const bytes = Number(process.argv[6] ?? 20480);
const gen = createRequire(path.join(self, 'package.json'))(path.join(self, 'out/bench/generate.js'));
const load = (root) => {
  const require = createRequire(path.join(root, 'package.json'));
  const { ruleSet, packs } = require(path.join(root, 'out/server/src/packs/loadPacks.js')).loadPacks([], root);
  return { analyzeText: require(path.join(root, 'out/server/src/core/index.js')).analyzeText, ruleSet, packs };
};
const builds = { old: load(oldRoot), new: load(newRoot) };
const docs = gen.generateCorpus(gen.corpusFromPacks(builds.new.packs), count, bytes, 1).map((d) => d.text);
const opts = { maxSize: Infinity };
const times = { old: [], new: [] };
for (let r = 0; r < rounds + 2; r++) {
  for (const which of r % 2 === 0 ? ['old', 'new'] : ['new', 'old']) {
    const { analyzeText, ruleSet } = builds[which];
    const t = performance.now();
    for (const text of docs) analyzeText(text, ruleSet, opts);
    if (r >= 2) times[which].push((performance.now() - t) / docs.length);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const which of ['old', 'new']) console.log(`${which}\tmedian ${median(times[which]).toFixed(3)} ms\tmin ${Math.min(...times[which]).toFixed(3)} ms per document`);
console.log(`new/old\tmedian ${(median(times.new) / median(times.old)).toFixed(2)}\tmin ${(Math.min(...times.new) / Math.min(...times.old)).toFixed(2)}`);
