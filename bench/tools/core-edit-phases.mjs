#!/usr/bin/env node
// Time per phase of re-analysing a long document after one-character edits (the memos warm, as
// in the editor): parse, each check, in the order of analyze.ts.
//   npx tsc -p tsconfig.test.json && node bench/tools/core-edit-phases.mjs [edits=20] [bytes=1048576]
import * as path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const require = createRequire(path.join(root, 'package.json'));
const at = (p) => require(path.join(root, 'out/server/src/core', p));
const { loadPacks } = require(path.join(root, 'out/server/src/packs/loadPacks.js'));
const gen = require(path.join(root, 'out/bench/generate.js'));
const { parseDocument } = at('parse/index.js');
const { createContext } = at('context.js');
const checks = [
  ['frontMatter', at('checks/frontMatterSchema.js').checkFrontMatter],
  ['sections', at('checks/sections.js').checkSections],
  ['numbering', at('checks/sections.js').checkNumbering],
  ['elements', at('checks/elements.js').checkElements],
  ['clauses', at('checks/clauses.js').checkClauses],
  ['procedures', at('checks/procedures.js').checkProcedures],
  ['placeholders', at('checks/placeholder.js').checkPlaceholders],
  ...at('rules/index.js').codedRules.map((r) => [r.id, r.check]),
];
const edits = Number(process.argv[2] ?? 20);
const bytes = Number(process.argv[3] ?? 2 ** 20);
const { packs, ruleSet } = loadPacks([], root);
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
