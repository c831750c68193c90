/**
 * Shared by the fix tests: a small inline rule pack and one `checkFix` helper that
 * applies a fix with the one applier, re-analyses, and checks what every fix must keep.
 */
import * as assert from 'node:assert/strict';
import { analyzeText, applyEdits, buildRuleSet, type Finding, type Fix, type RulePack, type RuleSet } from '../../../../server/src/core';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

const cite = (article: string) => ({ regulation: 'test-reg', article });

export const TEST_PACK: RulePack = {
  id: 'test/fixes',
  title: '测试规则包',
  regulations: [
    {
      id: 'test-reg',
      docNumber: '测试办〔2017〕1号',
      title: '测试合作协议管理办法',
      issuer: '测试办',
      date: '2017',
      file: 'test-reg.txt',
      provisions: { '二(四)': '与企业集团签订的合作协议，应包括合作原则、合作内容、重点项目、保障措施、法律责任等。', '三': '不得设置排他性条款。', '四': '不得提供担保。' },
    },
  ],
  categories: [
    {
      name: '企业集团',
      description: '与企业集团签订的协议。',
      docTypes: ['协议书'],
      citation: cite('二(四)'),
      sections: [
        { name: '合作原则', aliases: ['合作宗旨'], skeleton: '（写明双方合作遵循的原则。）', citation: cite('二(四)') },
        { name: '合作内容', skeleton: '（写明合作的领域和范围。）', citation: cite('二(四)') },
        {
          name: '重点项目',
          skeleton: '（一）（项目名称）\n实施主体：……\n资金来源：……',
          elementsPerItem: true,
          citation: cite('二(四)'),
          elements: [
            { name: '实施主体', skeleton: '实施主体：……', insertAs: 'label', citation: cite('二(四)') },
            { name: '资金来源', synonyms: ['资金渠道'], skeleton: '资金来源：……', insertAs: 'label', citation: cite('二(四)') },
          ],
        },
        {
          name: '保障措施',
          skeleton: '（写明政策、人员、资金等保障。）',
          citation: cite('二(四)'),
          elements: [
            { name: '政策保障', skeleton: '政策保障。……', citation: cite('二(四)') },
            { name: '人员保障', skeleton: '人员保障。……', citation: cite('二(四)') },
            { name: '资金保障', synonyms: ['经费保障'], skeleton: '资金保障。……', citation: cite('二(四)') },
          ],
        },
        { name: '法律责任', skeleton: '（写明违约责任和争议解决方式。）', citation: cite('二(四)') },
        { name: '其他事项', required: false, skeleton: '（其他约定。）', citation: cite('二(四)') },
      ],
    },
  ],
  clauses: [
    {
      id: 'clause/exclusive',
      severity: 'error',
      title: '排他性条款',
      message: '协议不得设置排他性条款。',
      advice: '请删除或改为不设排他性条款。',
      any: ['排他', '独家', '唯一合作'],
      replacement: '本协议不设排他性条款。',
      citation: cite('三'),
      examples: { bad: ['甲方给予乙方独家合作权。'], good: ['本协议不设排他性条款。'] },
    },
    {
      id: 'clause/government-guarantee',
      severity: 'error',
      title: '政府担保',
      message: '政府不得提供担保。',
      advice: '请删除该表述。',
      any: ['提供担保', '兜底'],
      actor: 'government',
      citation: cite('四'),
      examples: { bad: ['甲方为乙方贷款提供担保。'], good: ['乙方向甲方提供履约担保。'] },
    },
  ],
};

export const RULES: RuleSet = buildRuleSet([TEST_PACK]);

export const FRONT = [
  '---',
  '文种: 协议书',
  '类别: 企业集团',
  '标题: 某区人民政府与某某集团有限公司战略合作协议',
  '甲方: 某区人民政府',
  '乙方: 某某集团有限公司',
  '牵头单位: 区商务局',
  '签署日期: 2025-06-30',
  '---',
  '# 某区人民政府与某某集团有限公司战略合作协议',
  '',
].join('\n');

export const toCrlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

export interface FixCase {
  /** Which finding: its rule and, optionally, a piece of its message. */
  rule: string;
  message?: string;
  /** Which fix of that finding: a piece of its title; default the preferred one. */
  title?: string;
}

export function findingFor(text: string, c: FixCase, rules: RuleSet = RULES): Finding {
  const findings = analyzeText(text, rules);
  const finding = findings.find((f) => f.rule === c.rule && (!c.message || f.message.includes(c.message)));
  assert.ok(finding, `no ${c.rule} finding${c.message ? ` mentioning ${c.message}` : ''}; findings: ${findings.map((f) => `${f.rule} ${f.message}`).join('\n')}`);
  return finding;
}

export function fixFor(finding: Finding, title?: string): Fix {
  const fixes = fixesOf(finding);
  const fix = title ? fixes.find((f) => f.title.includes(title)) : (fixes.find((f) => f.preferred) ?? fixes[0]);
  assert.ok(fix, `no fix${title ? ` titled ${title}` : ''} on ${finding.rule}: ${fixes.map((f) => f.title).join(' | ')}`);
  return fix;
}

/**
 * Apply one fix and check: the finding is gone, the fix is not offered again
 * (idempotent), line breaks keep the document's style, and every edit stays inside
 * the document. Returns the fixed text for exact comparisons.
 */
export function checkFix(text: string, c: FixCase, rules: RuleSet = RULES): string {
  const finding = findingFor(text, c, rules);
  const fix = fixFor(finding, c.title);
  for (const edit of fix.edits) assert.ok(edit.start >= 0 && edit.end <= text.length && edit.start <= edit.end, `edit out of range: ${JSON.stringify(edit)}`);
  const fixed = applyEdits(text, fix.edits);
  assertSameLineBreaks(text, fixed);
  const after = analyzeText(fixed, rules);
  const same = after.filter((f) => f.rule === finding.rule && f.message === finding.message);
  assert.equal(same.length, 0, `finding survives its fix “${fix.title}”:\n${fixed}`);
  const inserted = JSON.stringify(fix.edits.map((e) => e.newText));
  // An insert offered again would insert twice; a deletion elsewhere (another sentence) is fine.
  const again = fix.edits.every((e) => e.newText === '')
    ? []
    : after.flatMap((f) => fixesOf(f)).filter((f) => f.title === fix.title && JSON.stringify(f.edits.map((e) => e.newText)) === inserted);
  assert.equal(again.length, 0, `fix “${fix.title}” is offered again after applying it:\n${fixed}`);
  return fixed;
}

/** CRLF stays CRLF, LF stays LF: no new kind of line break appears. */
export function assertSameLineBreaks(before: string, after: string): void {
  const kinds = (s: string) => ({ crlf: /\r\n/.test(s), lf: /(^|[^\r])\n/.test(s), cr: /\r(?!\n)/.test(s) });
  const was = kinds(before);
  const now = kinds(after);
  if (!was.lf) assert.equal(now.lf, false, 'a bare LF appeared in a CRLF document');
  if (!was.crlf) assert.equal(now.crlf, false, 'a CRLF appeared in an LF document');
  if (!was.cr) assert.equal(now.cr, false, 'a bare CR appeared');
}

/** Run a case on the LF text and on the same text with CRLF; the expected text converts too. */
export function bothLineBreaks(name: string, run: (convert: (s: string) => string) => void): void {
  it(`${name} (LF)`, () => run((s) => s));
  it(`${name} (CRLF)`, () => run(toCrlf));
}
