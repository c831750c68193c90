import * as assert from 'node:assert/strict';
import { analyze, parseDocument } from '../../../../server/src/core';
import { extractCommitments } from '../../../../server/src/core/ledger/extract';
import { loadPacks } from '../../../../server/src/packs/loadPacks';

const rules = loadPacks().ruleSet;
const front = (extra: string) => `---\n文种: 协议书\n类别: 企业集团\n标题: 测试协议\n甲方: 天津市河北区人民政府\n乙方: 某某集团有限公司\n乙方性质: 国有企业\n牵头单位: 区商务局\n签署日期: 2024-01-10\n${extra}---\n# 测试协议\n\n`;
const BODY = '一、合作内容\n乙方于2025年12月31日前竣工投产。\n甲方负责协调用地。\n';
const findings = (text: string, asOf: string, entries = []) => analyze(parseDocument(text), rules, { ledger: { asOf, entries, fallbackKey: '测试' } }).filter((f) => f.rule.startsWith('procedure/commitment') || f.rule.startsWith('procedure/term-review') || f.rule.startsWith('procedure/annual-meeting'));

describe('ledger: deadlines as findings', () => {
  it('warns on the clause of a commitment past its deadline, citing 47号 四(二)', () => {
    const text = front('有效期: 5年\n') + BODY;
    const [f] = findings(text, '2026-01-05');
    assert.equal(f.rule, 'procedure/commitment-overdue');
    assert.equal(f.severity, 'warning');
    assert.equal(text.slice(f.span.start, f.span.end), '乙方于2025年12月31日前竣工投产。');
    assert.match(f.message, /逾期 5 天/);
    assert.equal(f.citation?.docNumber, '河北政办〔2017〕47号');
    assert.equal(f.citation?.article, '四(二)');
    assert.match(f.citation?.text ?? '', /台账管理/);
  });

  it('no warning once the ledger records it as kept, nor before the deadline, nor without a reference date', () => {
    const text = front('有效期: 5年\n') + BODY;
    const id = extractCommitments(parseDocument(text), { fallbackKey: '测试' })[0].id;
    assert.deepEqual(findings(text, '2026-01-05', [{ id, 状态: '已兑现' }] as never), []);
    assert.deepEqual(findings(text, '2025-12-31'), []);
    assert.deepEqual(analyze(parseDocument(text), rules).filter((f) => f.rule === 'procedure/commitment-overdue'), []);
  });

  it('总结评估 of 四(三): a term ending within 90 days, with its date; a term read from the body', () => {
    const fm = findings(front('有效期: 2年\n') + '一、合作内容\n甲方负责协调用地。\n', '2025-11-20');
    assert.equal(fm.length, 1);
    assert.equal(fm[0].rule, 'procedure/term-review-due');
    assert.match(fm[0].message, /2026-01-09 期满/);
    assert.equal(fm[0].citation?.article, '四(三)');
    const body = findings(front('') + '一、合作内容\n甲方负责协调用地。\n\n二、附则\n本协议有效期二年，自签署之日起计算。\n', '2025-11-20');
    assert.equal(body.length, 1);
    assert.match(body[0].message, /2026-01-09/);
    assert.deepEqual(findings(front('有效期: 5年\n') + '一、合作内容\n甲方负责协调用地。\n', '2025-11-20'), []);
  });

  it('an open-ended agreement: every three years after signing', () => {
    const text = front('有效期: 长期\n') + '一、合作内容\n甲方负责协调用地。\n';
    const [f] = findings(text, '2026-12-01');
    assert.equal(f.rule, 'procedure/term-review-due');
    assert.match(f.message, /2027-01-10 前完成/);
    assert.deepEqual(findings(text, '2026-06-01'), []);
  });

  it('the body term replaces the front-matter-only check procedure/term-evaluation', () => {
    const without = analyze(parseDocument(front('') + '一、合作内容\n甲方负责协调用地。\n'), rules).map((f) => f.rule);
    const withBody = analyze(parseDocument(front('') + '一、合作内容\n甲方负责协调用地。\n\n二、附则\n本协议有效期五年。\n'), rules).map((f) => f.rule);
    assert.ok(without.includes('procedure/term-evaluation'));
    assert.ok(!withBody.includes('procedure/term-evaluation'));
  });

  it('a 厅市会商 议定书: the yearly 工作会议协议书 falls due (第十七条)', () => {
    const text = '---\n文种: 议定书\n类别: 厅市会商\n标题: 工作会商制度议定书\n甲方: 河北省科学技术厅\n乙方: 某某市人民政府\n签署日期: 2025-03-01\n有效期: 5年\n---\n# 工作会商制度议定书\n\n一、合作主题\n乙方负责组织实施会商项目。\n';
    const [f] = findings(text, '2026-02-01');
    assert.equal(f.rule, 'procedure/annual-meeting-due');
    assert.match(f.message, /2027-03-01/);
    assert.equal(f.citation?.article, '第十七条');
    assert.deepEqual(findings(text, '2025-06-01'), []);
  });
});
