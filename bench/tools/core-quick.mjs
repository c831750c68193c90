#!/usr/bin/env node
// Quick in-process timing of the core on generated documents (for profiling loops):
//   node [--cpu-prof] bench/tools/core-quick.mjs [count=100] [bytes=20000]
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { loadPacks } = require(path.join(root, 'out/server/src/packs/loadPacks.js'));
const { analyzeText } = require(path.join(root, 'out/server/src/core/index.js'));
const gen = require(path.join(root, 'out/bench/generate.js'));
const count = Number(process.argv[2] ?? 100);
const bytes = Number(process.argv[3] ?? 20000);
const { packs, ruleSet } = loadPacks([], root);
const docs = gen.generateCorpus(gen.corpusFromPacks(packs), count, bytes, 1).map((d) => d.text);
for (const d of docs) analyzeText(d, ruleSet, { maxSize: 1e9 });
const rounds = Math.max(1, Math.round(2000 / count));
const t = performance.now();
for (let k = 0; k < rounds; k++) for (const d of docs) analyzeText(d, ruleSet, { maxSize: 1e9 });
console.log(`${bytes} bytes: ${((performance.now() - t) / (rounds * count)).toFixed(3)} ms/doc`);
