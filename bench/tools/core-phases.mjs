#!/usr/bin/env node
// Time per phase of the core on generated 20 KB documents (parse, each check, the rest of
// analyze), in-process after warm-up; for deciding where to work. Checks run in the order of
// analyze.ts on a fresh context per document, so later checks see what earlier ones left.
//   npx tsc -p tsconfig.test.json && node bench/tools/core-phases.mjs [count=200] [bytes=20480]
import { checkPhases, core, createContext, gen, packs, parseDocument, ruleSet } from './phases.mjs';

const { analyzeText } = core('index.js');
const checks = checkPhases({ codedApart: false });
const count = Number(process.argv[2] ?? 200);
const bytes = Number(process.argv[3] ?? 20480);
const docs = gen.generateCorpus(gen.corpusFromPacks(packs), count, bytes, 1).map((d) => d.text);
const totals = new Map([['parse', 0], ...checks.map(([n]) => [n, 0])]);
let whole = 0;
for (let round = 0; round < 8; round++) {
  const timed = round >= 3;
  for (const text of docs) {
    let t = performance.now();
    const doc = parseDocument(text);
    if (timed) totals.set('parse', totals.get('parse') + performance.now() - t);
    const context = createContext(doc, ruleSet, []);
    for (const [name, check] of checks) {
      t = performance.now();
      check(context);
      if (timed) totals.set(name, totals.get(name) + performance.now() - t);
    }
    t = performance.now();
    analyzeText(text, ruleSet, { maxSize: Infinity });
    if (timed) whole += performance.now() - t;
  }
}
const per = (ms) => (ms / (5 * docs.length)).toFixed(3);
for (const [name, ms] of totals) console.log(`${name.padEnd(14)} ${per(ms)} ms`);
console.log(`${'sum'.padEnd(14)} ${per([...totals.values()].reduce((a, b) => a + b, 0))} ms   analyzeText ${per(whole)} ms`);
