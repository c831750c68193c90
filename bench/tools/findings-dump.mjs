#!/usr/bin/env node
// Behaviour guard for work on the matching machinery: every finding (rule, span, range,
// severity, message, data, citation, fixes with their edits) of the built core over
//   - every document under test/corpus (all folders),
//   - every case sentence of every clause case set (dev, dev2, dev3, blind, blind2), each
//     analysed as a document of its own the way scripts/blindEval.ts does,
//   - bench-generated documents: 200 × 20 KB, one 1 MB document with ten one-character edits
//     re-analysed in turn (the memo path), and one 5 MB document,
// written as one JSON line per document to OUT. Held-out sets are written as a SHA-256 per case
// (their texts stay unread). Run before and after a change and compare:
//   npx tsc -p tsconfig.test.json && node bench/tools/findings-dump.mjs /tmp/before.jsonl
//   … change …
//   npx tsc -p tsconfig.test.json && node bench/tools/findings-dump.mjs /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl
// `--root DIR` runs another checkout's build (with its own packs) on the same inputs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const self = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const root = rootAt >= 0 ? path.resolve(args.splice(rootAt, 2)[1]) : self;
const out = args[0];
if (!out) {
  console.error('usage: findings-dump.mjs OUT.jsonl [--root CHECKOUT]');
  process.exit(2);
}
const require = createRequire(path.join(root, 'package.json'));
const { loadPacks } = require(path.join(root, 'out/server/src/packs/loadPacks.js'));
const { analyzeText } = require(path.join(root, 'out/server/src/core/index.js'));
// Inputs come from this checkout's scripts, so both builds read the same documents.
const selfRequire = createRequire(path.join(self, 'package.json'));
const blind = selfRequire(path.join(self, 'out/scripts/blindEval.js'));
const gen = selfRequire(path.join(self, 'out/bench/generate.js'));

const { packs, ruleSet } = loadPacks([], root);
const lines = [];
const opts = { maxSize: Infinity };
const dump = (id, text, hidden = false) => {
  const json = JSON.stringify(analyzeText(text, ruleSet, opts));
  lines.push(JSON.stringify({ id, findings: hidden ? createHash('sha256').update(json).digest('hex') : JSON.parse(json) }));
};

const corpusDir = path.join(self, 'test', 'corpus');
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
let documents = 0;
for (const file of walk(corpusDir).filter((f) => f.endsWith('.md'))) {
  const rel = path.relative(corpusDir, file);
  const hidden = /^blind2?\//.test(rel);
  dump(hidden ? `doc:${createHash('sha256').update(rel).digest('hex').slice(0, 12)}` : `doc:${rel}`, fs.readFileSync(file, 'utf8'), hidden);
  documents++;
}
let cases = 0;
for (const [name, dir, hidden] of [['dev', blind.devSetDir(self, 'dev'), false], ['dev2', blind.devSetDir(self, 'dev2'), false], ['dev3', blind.devSetDir(self, 'dev3'), false], ['blind', blind.blindDir(self), true], ['blind2', blind.blind2Dir?.(self), true]]) {
  if (!dir) continue;
  const { cases: list } = blind.readBlindCases(dir);
  for (const c of list) {
    dump(`${name}:${hidden ? createHash('sha256').update(c.file).digest('hex').slice(0, 12) : c.file}#${c.index}`, blind.caseDocument(c), hidden);
    cases++;
  }
}
const corpus = gen.corpusFromPacks(packs);
const generated = gen.generateCorpus(corpus, 200, 20 * 1024, 1);
generated.forEach((d, i) => dump(`gen20k:${i}`, d.text));
let text = gen.generateDocument(corpus, { seed: 9000 + 2 ** 20, bytes: 2 ** 20 });
dump('gen1mb', text);
const at = text.indexOf('\n', text.length >> 1) + 1;
for (let r = 0; r < 10; r++) {
  text = r % 2 === 0 ? text.slice(0, at) + '合' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
  dump(`gen1mb:edit${r}`, text);
}
dump('gen5mb', gen.generateDocument(corpus, { seed: 9000 + 5 * 2 ** 20, bytes: 5 * 2 ** 20 }));
// The editor's path: the server analyses with a reference date (the overdue check reads every
// commitment). The same 1 MB edits, then seeded edits of a 300 KB document anywhere: inside a
// sentence, a heading, the front matter, the parties' lines, line breaks, markers, comments and
// fences — each version analysed in turn, so every memo is read across versions.
const ledger = { ...opts, ledger: { asOf: '2026-12-01', fallbackKey: 'big', file: 'big.agreement.md' } };
const dumpWith = (id, t, options) => {
  lines.push(JSON.stringify({ id, findings: JSON.parse(JSON.stringify(analyzeText(t, ruleSet, options))) }));
};
let edited = gen.generateDocument(corpus, { seed: 4242, bytes: 2 ** 20, category: '企业集团' });
const middle = edited.indexOf('\n', edited.length >> 1) + 1;
for (let r = 0; r < 6; r++) {
  edited = r % 2 === 0 ? edited.slice(0, middle) + '合' + edited.slice(middle) : edited.slice(0, middle) + edited.slice(middle + 1);
  dumpWith(`gen1mb-ledger:edit${r}`, edited, ledger);
}
let seed = 12345;
const random = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
const pieces = ['合', '', '\n', '\n三、', '\n（二）', '。', '：', '；', '甲方：某某市人民政府\n', '乙方：某某有限公司\n', '<!-- ', ' -->', '```\n', '\n\n', '第五条 ', '如乙方', '甲方负责', '（以下简称“丙方”）', '2025年1月1日', '____', '签署日期: 2020-01-01\n'];
const sessions = [
  ['企业集团', 300 * 1024, 7],
  ['对口合作', 200 * 1024, 8],
];
for (const [category, bytes, s] of sessions) {
  let t = gen.generateDocument(corpus, { seed: s, bytes, category });
  for (let r = 0; r < 60; r++) {
    const kind = random(10);
    const fm = t.indexOf('\n---', 4);
    let at;
    if (kind === 0 && fm > 0) at = 4 + random(fm - 4); // the front matter
    else if (kind === 1) {
      const heads = [...t.matchAll(/^[一二三四五六七八九十]+、/gm)];
      at = heads.length ? heads[random(heads.length)].index + random(4) : random(t.length);
    } else if (kind === 2) {
      const party = t.search(/[甲乙]方：/);
      at = party >= 0 ? party + random(12) : random(t.length);
    } else at = random(t.length);
    const piece = pieces[random(pieces.length)];
    const cut = piece === '' || random(4) === 0 ? 1 + random(3) : 0;
    t = t.slice(0, at) + piece + t.slice(Math.min(t.length, at + cut));
    dumpWith(`session:${category}:${r}`, t, r % 3 === 0 ? opts : ledger);
  }
}
fs.writeFileSync(out, lines.join('\n') + '\n');
const findings = lines.reduce((n, l) => n + (l.match(/"rule":/g)?.length ?? 0), 0);
console.error(`findings-dump: ${documents} corpus documents, ${cases} case sentences, ${generated.length + 12} generated; ${findings} findings (held-out sets as hashes) → ${out}`);
