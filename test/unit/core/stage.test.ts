import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../server/src/core';
import { documentStage, parseDate } from '../../../server/src/core/stage';
import { loadPacks } from '../../../server/src/packs/loadPacks';

const { ruleSet } = loadPacks();
const BODY = '# 某区人民政府与某集团有限公司合作协议\n一、合作原则\n互利共赢。\n';
const front = (...lines: string[]) => ['---', '文种: 协议书', '类别: 企业集团', '标题: 某区人民政府与某集团有限公司合作协议', '甲方: 某区人民政府', '乙方: 某集团有限公司', '乙方性质: 国有企业', '牵头单位: 区商务局', '有效期: 5年', ...lines, '---', ''].join('\n');
const rulesFor = (...lines: string[]) => analyzeText(front(...lines) + BODY, ruleSet).map((f) => f.rule);
const messagesFor = (...lines: string[]) => analyzeText(front(...lines) + BODY, ruleSet).filter((f) => f.rule.startsWith('schema/')).map((f) => f.message);

describe('阶段: what applies at each stage of a document', () => {
  it('accepts dates as 2026-01-10 or 2026年1月10日, real calendar days only', () => {
    assert.deepEqual(parseDate('2026-01-10'), { year: 2026, month: 1, day: 10 });
    assert.deepEqual(parseDate('2026年1月10日'), { year: 2026, month: 1, day: 10 });
    assert.equal(parseDate('2026-02-30'), null);
    assert.equal(parseDate('待定'), null);
    assert.deepEqual(messagesFor('签署日期: 2026年1月10日', '归档日期: 2026年1月12日'), []);
    assert.deepEqual(messagesFor('签署日期: 2026-02-30', '归档日期: 2026-03-01'), ['签署日期“2026-02-30”不是有效的日期。']);
  });

  it('before signing, 签署日期 may be 待定 or absent, and 用印/归档 is not asked for', () => {
    for (const date of [['签署日期: 待定'], []]) {
      const rules = rulesFor(...date, '阶段: 起草');
      assert.ok(!rules.some((r) => r.startsWith('schema/')), rules.join());
      assert.ok(!rules.includes('procedure/archive'), rules.join());
      assert.ok(!rules.includes('procedure/legal-review'), 'legal review is not due while drafting');
    }
  });

  it('from 送审 on, legal review is expected', () => {
    assert.ok(rulesFor('签署日期: 待定', '阶段: 送审').includes('procedure/legal-review'));
    assert.ok(!rulesFor('签署日期: 待定', '阶段: 送审', '法律顾问意见: 区司法局2026年1月5日出具，同意').includes('procedure/legal-review'));
  });

  it('once signed, a real 签署日期 is required and 用印/归档 is asked for', () => {
    assert.deepEqual(messagesFor('签署日期: 待定', '阶段: 已签署', '法律顾问意见: 已出具'), ['阶段为“已签署”，文件头应写明签署日期（如 2026-01-10 或 2026年1月10日）。']);
    assert.ok(rulesFor('签署日期: 2026年1月10日', '阶段: 已签署', '法律顾问意见: 已出具').includes('procedure/archive'));
    // Sealing is not archiving: 用印日期 alone still asks for 归档日期.
    const sealedOnly = analyzeText(front('签署日期: 2026年1月10日', '阶段: 已签署', '用印日期: 2026-01-12') + BODY, ruleSet).filter((f) => f.rule === 'procedure/archive');
    assert.match(sealedOnly[0]?.message ?? '', /用印不等于归档/);
    assert.ok(!rulesFor('签署日期: 2026年1月10日', '阶段: 已签署', '用印日期: 2026-01-12', '归档日期: 2026-01-14', '签署地点: 天津市河北区').includes('procedure/archive'));
  });

  it('the 用印/归档 hint never claims a 签署日期 the document does not have', () => {
    const archive = analyzeText(front('签署日期: 待定', '阶段: 已签署', '法律顾问意见: 已出具') + BODY, ruleSet).find((f) => f.rule === 'procedure/archive');
    assert.ok(archive);
    assert.ok(!archive.message.includes('已写签署日期'), archive.message);
    assert.match(archive.message, /^协议已签署，但文件头未记录用印或归档日期/);
  });

  it('without 阶段: a real 签署日期 means signed, otherwise a draft', () => {
    assert.equal(documentStage({ 签署日期: '2026-01-10' }), '已签署');
    assert.equal(documentStage({ 签署日期: '待定' }), '起草');
    assert.equal(documentStage({}), '起草');
    assert.equal(documentStage({ 阶段: '送审', 签署日期: '2026-01-10' }), '送审');
  });

  it('an empty value says it is empty, not “应为文字”', () => {
    const messages = messagesFor('签署日期:');
    assert.equal(messages.length, 1, messages.join());
    assert.match(messages[0], /^签署日期 未填写/);
    assert.ok(!messages[0].includes('应为文字'));
  });

  it('an unknown 阶段 is reported with the allowed stages', () => {
    const messages = messagesFor('签署日期: 待定', '阶段: 草稿');
    assert.ok(messages.some((m) => m.includes('起草、征求意见、送审、已签署、已归档')), messages.join('\n'));
  });
});
