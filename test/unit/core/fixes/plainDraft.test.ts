/**
 * The whole path of a plain draft typed from scratch: the editor's quick fixes add the front
 * matter and the missing sections; every gap left is a finding, and once the officer writes
 * the blanks, nothing is left that the draft does not deserve.
 */
import * as assert from 'node:assert/strict';
import { analyzeText, applyEdits } from '../../../../server/src/core';
import { fixAll } from '../../../../server/src/core/fixes/fixAll';
import { findPlaceholders } from '../../../../server/src/core/placeholders';
import { loadPacks } from '../../../../server/src/packs/loadPacks';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

const { ruleSet } = loadPacks();

const DRAFT = [
  '天津市河北区人民政府与华信智造科技有限公司战略合作协议',
  '',
  '甲方：天津市河北区人民政府',
  '乙方：华信智造科技有限公司',
  '',
  '一、合作原则',
  '双方坚持平等互利、优势互补、合作共赢。',
  '',
  '三、合作内容',
  '双方在智能制造、工业互联网领域开展合作。',
  '',
].join('\n');

const fixTitled = (text: string, rule: string, title: string) => {
  const finding = analyzeText(text, ruleSet).find((f) => f.rule === rule);
  assert.ok(finding, `no ${rule}`);
  const fix = fixesOf(finding).find((f) => f.title.startsWith(title));
  assert.ok(fix, fixesOf(finding).map((f) => f.title).join(' | '));
  return applyEdits(text, fix.edits);
};

describe('a plain draft, through the quick fixes', () => {
  it('ends with a finding on every gap, writes no value the officer did not give, and is clean once the blanks are written', () => {
    // 1. The front matter, from what the body says.
    let text = fixTitled(DRAFT, 'schema/front-matter', '插入文件头');
    assert.ok(!/\d{4}-\d{2}-\d{2}|\d{4}年/.test(text.slice(0, text.indexOf('---', 3))), 'no date is made up');
    // The officer chooses the category (an editor action offering the rule set's categories).
    text = text.replace('类别: （选择类别）', '类别: 企业集团');
    // 2. --fix: only what needs no facts (here the numbering 一、三、 → 一、二、).
    text = fixAll(text, ruleSet).text;
    assert.ok(text.includes('二、合作内容'), text);
    // 3. The missing sections, all at once.
    text = fixTitled(text, 'section/missing', '插入全部缺少的');
    const findings = analyzeText(text, ruleSet);
    const blanks = findPlaceholders(text);
    assert.ok(blanks.length > 0);
    // Every blank is a finding.
    for (const blank of blanks) assert.ok(findings.some((f) => f.rule === 'format/placeholder' && f.span.start <= blank.span.start && blank.span.end <= f.span.end), `unflagged ${blank.text}`);
    // The pack's writing instructions, left as inserted, are flagged too.
    assert.ok(findings.some((f) => f.rule === 'format/placeholder' && f.message.includes('写作说明')));
    // Every inserted section is reported until it is written; nothing claims to be missing.
    assert.ok(findings.some((f) => f.rule === 'section/missing' && f.message.includes('尚未填写')));
    assert.ok(!findings.some((f) => f.rule === 'section/missing' && f.message.startsWith('缺少')));
    // 4. The officer writes every blank: then no placeholder, section or element finding is left.
    // (An instruction line is rewritten in the officer's words, keeping what it names; each blank gets a value.)
    let written = text;
    const instructions = findings.filter((f) => f.rule === 'format/placeholder' && f.message.includes('写作说明')).sort((a, b) => b.span.start - a.span.start);
    for (const f of instructions) written = written.slice(0, f.span.start) + `双方约定：${written.slice(f.span.start, f.span.end)}` + written.slice(f.span.end);
    for (const blank of findPlaceholders(written).reverse()) written = written.slice(0, blank.span.start) + '由区商务局负责，2026年开工' + written.slice(blank.span.end);
    const left = analyzeText(written, ruleSet).filter((f) => /^(format\/placeholder|section\/|element\/|schema\/)/.test(f.rule));
    assert.deepEqual(left.map((f) => `${f.rule} ${f.message}`), []);
  });
});
