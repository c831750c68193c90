#!/usr/bin/env node
// Time per phase of the core on generated 20 KB documents (parse, each check, the rest of
// analyze), in-process after warm-up; for deciding where to work. Checks run in the order of
// analyze.ts on a fresh context per document, so later checks see what earlier ones left.
//   npx tsc -p tsconfig.test.json && node bench/tools/core-phases.mjs [count=200] [bytes=20480]
import * as path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const require = createRequire(path.join(root, 'package.json'));
const at = (p) => require(path.join(root, 'out/server/src/core', p));
const { loadPacks } = require(path.join(root, 'out/server/src/packs/loadPacks.js'));
const gen = require(path.join(root, 'out/bench/generate.js'));
const { parseDocument } = at('parse/index.js');
const { createContext } = at('context.js');
const { analyzeText } = at('index.js');
const checks = [
  ['frontMatter', at('checks/frontMatterSchema.js').checkFrontMatter],
  ['sections', at('checks/sections.js').checkSections],
  ['numbering', at('checks/sections.js').checkNumbering],
  ['elements', at('checks/elements.js').checkElements],
  ['clauses', at('checks/clauses.js').checkClauses],
  ['procedures', at('checks/procedures.js').checkProcedures],
  ['placeholders', at('checks/placeholder.js').checkPlaceholders],
  ['coded rules', (c) => { for (const r of at('rules/index.js').codedRules) r.check(c); }],
];
const count = Number(process.argv[2] ?? 200);
const bytes = Number(process.argv[3] ?? 20480);
const { packs, ruleSet } = loadPacks([], root);
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
