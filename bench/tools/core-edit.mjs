#!/usr/bin/env node
// A long document re-analysed after one-character edits, in-process (for profiling the
// keystroke path):   node [--cpu-prof] bench/tools/core-edit.mjs [edits=40] [bytes=1048576]
import * as path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const require = createRequire(path.join(root, 'package.json'));
const { loadPacks } = require(path.join(root, 'out/server/src/packs/loadPacks.js'));
const { analyzeText } = require(path.join(root, 'out/server/src/core/index.js'));
const gen = require(path.join(root, 'out/bench/generate.js'));
const edits = Number(process.argv[2] ?? 40);
const bytes = Number(process.argv[3] ?? 2 ** 20);
const { packs, ruleSet } = loadPacks([], root);
let text = gen.generateDocument(gen.corpusFromPacks(packs), { seed: 9000 + bytes, bytes });
const opts = { maxSize: Infinity };
analyzeText(text, ruleSet, opts);
const at = text.indexOf('\n', text.length >> 1) + 1;
const times = [];
for (let r = 0; r < edits; r++) {
  text = r % 2 === 0 ? text.slice(0, at) + '合' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
  const t = performance.now();
  analyzeText(text, ruleSet, opts);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`${bytes} bytes, ${edits} one-character edits: median ${times[times.length >> 1].toFixed(2)} ms, min ${times[0].toFixed(2)} ms`);
