#!/usr/bin/env node
// Time per phase of re-analysing a long document after one-character edits (the memos warm, as
// in the editor): parse, each check, in the order of analyze.ts.
//   npx tsc -p tsconfig.test.json && node bench/tools/core-edit-phases.mjs [edits=20] [bytes=1048576]
import { checkPhases, createContext, gen, packs, parseDocument, ruleSet } from './phases.mjs';

const checks = checkPhases({ codedApart: true });
const edits = Number(process.argv[2] ?? 20);
const bytes = Number(process.argv[3] ?? 2 ** 20);
let text = gen.generateDocument(gen.corpusFromPacks(packs), { seed: 9000 + bytes, bytes });
const totals = new Map([['parse', 0], ['context', 0], ...checks.map(([n]) => [n, 0])]);
const pos = text.indexOf('\n', text.length >> 1) + 1;
for (let r = -2; r < edits; r++) {
  text = r % 2 === 0 ? text.slice(0, pos) + '合' + text.slice(pos) : text.slice(0, pos) + text.slice(pos + 1);
  const add = (name, t) => r >= 0 && totals.set(name, totals.get(name) + performance.now() - t);
  let t = performance.now();
  const doc = parseDocument(text);
  add('parse', t);
  t = performance.now();
  const context = createContext(doc, ruleSet, []);
  add('context', t);
  for (const [name, check] of checks) {
    t = performance.now();
    check(context);
    add(name, t);
  }
}
const rows = [...totals].filter(([, ms]) => ms / edits >= 0.05).sort((a, b) => b[1] - a[1]);
for (const [name, ms] of rows) console.log(`${name.padEnd(36)} ${(ms / edits).toFixed(2)} ms`);
console.log(`${'sum'.padEnd(36)} ${([...totals.values()].reduce((a, b) => a + b, 0) / edits).toFixed(2)} ms`);
