#!/usr/bin/env node
// Behaviour guard for performance work on the core: analyse a deterministic set of
// documents (generated ones of every category with many forbidden/compliant clauses,
// hand-written edge cases, and mutated variants: CRLF, quotes, comments, blanks,
// surrogate pairs, broken front matter) and write every finding (and every fix's edits)
// as JSON lines. Run before and after a change and diff the two files:
//   npx tsc -p tsconfig.test.json && node bench/tools/core-snapshot.mjs /tmp/snap > /tmp/before.jsonl
//   … change the core …
//   npx tsc -p tsconfig.test.json && node bench/tools/core-snapshot.mjs /tmp/snap > /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl
// The folder argument freezes the inputs and the rule packs on the first run (packs and
// the generator's data may change while others work), so later runs compare like with like.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// AGREEMENT_SNAPSHOT_ROOT: another checkout's compiled out/ (an older build, for before/after).
const root = path.resolve(process.env.AGREEMENT_SNAPSHOT_ROOT ?? path.join(path.dirname(new URL(import.meta.url).pathname), '../..'));
const { loadPacks } = require(path.join(root, 'out/server/src/packs/loadPacks.js'));
const { analyzeText, buildRuleSet, fixesOf } = require(path.join(root, 'out/server/src/core/index.js'));
// Fixes are computed on demand (fixesOf); older builds carried them on the finding. No fix and an empty list print alike.
const fixesOfFinding = (f) => (fixesOf ? fixesOf(f) : (f.fixes ?? []));
const { fixAll } = require(path.join(root, 'out/server/src/core/fixes/fixAll.js'));
const gen = require(path.join(root, 'out/bench/generate.js'));

const frozen = process.argv[2];
const frozenPacks = frozen && path.join(frozen, 'packs.json');
const frozenInputs = frozen && path.join(frozen, 'inputs.json');
const packs = frozen && fs.existsSync(frozenPacks) ? JSON.parse(fs.readFileSync(frozenPacks, 'utf8')) : loadPacks([], root).packs;
const ruleSet = buildRuleSet(packs);
const corpus = gen.corpusFromPacks(packs);
const inputs = [];
let seed = 1;
for (const category of corpus.categories) {
  for (const bytes of [1500, 6000, 20000]) {
    inputs.push(gen.generateDocument(corpus, { seed: seed++, bytes, category: category.name, badRate: 0.25, goodRate: 0.25, missingElementRate: 0.4 }));
  }
}
// Hand-written edge cases (the examples and fixtures change while others work; these do not).
inputs.push(
  '',
  '---\n',
  '---\n文种: 协议书\n类别: 企业集团\n',
  '---\n文种: [协议书\n---\n# 标题\n一、合作原则\n甲方为乙方提供担保。',
  '---\n类别: 企业集团\n类别: 其他\n---\n一、合作原则\n二、合作内容\n四、保障措施\n四、其他',
  '# 标题\r\n一、合作原则\r\n（一）项目\r\n1. 事项\r\n（1）细项\r\n第一章 总则\r\n第一条 目的',
  '---\n文种: 协议书\n类别: 企业集团\n甲方: 某某区人民政府\n乙方: 某某有限公司\n---\n# 题\n<!-- agreement-disable clause/exclusive -- 理由 -->\n甲方给予乙方独家经营权。\n<!-- agreement-enable -->\n甲方给予乙方独家经营权。“独家”一词。乙方向甲方提供担保；甲方不提供担保。\n```\n一、代码\n```\n',
  '\ufeff---\r\n文种: 协议书\r\n---\r\n😀一、合作原则😀\r\n甲方承诺兜底😀。',
);
const r = gen.rng(42);
const MUTATIONS = ['“', '”', '《', '》', '\r\n', '\r', '\n', '\t', '\u3000', '<!-- agreement-disable clause/exclusive -->', '<!--', '-->', '😀', '，', '。', '；', '不', '甲方', '乙方', '政府', '（一）', '一、', '1.', '---', ': ', '#'];
const base = inputs.length;
for (let i = 0; i < base; i++) {
  for (let k = 0; k < 3; k++) {
    let text = inputs[i];
    for (let m = 0; m < 12; m++) {
      const at = Math.floor(r() * (text.length + 1));
      text = text.slice(0, at) + MUTATIONS[Math.floor(r() * MUTATIONS.length)] + text.slice(at);
    }
    inputs.push(text);
  }
  inputs.push(inputs[i].replace(/\n/g, '\r\n'));
  inputs.push('\ufeff' + inputs[i]);
}
if (frozen && fs.existsSync(frozenInputs)) inputs.splice(0, inputs.length, ...JSON.parse(fs.readFileSync(frozenInputs, 'utf8')));
else if (frozen) {
  fs.mkdirSync(frozen, { recursive: true });
  fs.writeFileSync(frozenPacks, JSON.stringify(packs));
  fs.writeFileSync(frozenInputs, JSON.stringify(inputs));
}
const strip = (f) => ({ rule: f.rule, severity: f.severity, message: f.message, span: f.span, range: f.range, citation: f.citation?.article, fixes: fixesOfFinding(f).length > 0 ? fixesOfFinding(f).map((x) => [x.title, x.safe, x.preferred, x.edits]) : undefined });
inputs.forEach((text, i) => {
  const findings = analyzeText(text, ruleSet, { maxSize: 1e9 });
  process.stdout.write(JSON.stringify({ i, findings: findings.map(strip) }) + '\n');
  if (i % 7 === 0) {
    const fixed = fixAll(text, ruleSet);
    process.stdout.write(JSON.stringify({ i, fixed: fixed.text.length, applied: fixed.applied, remaining: fixed.remaining.length }) + '\n');
  }
});
process.stderr.write(`${inputs.length} documents\n`);
