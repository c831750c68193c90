/**
 * A compliant rewording names the parties the sentence is about (甲方 in a pack's wording is
 * the government side, 乙方 the counterparty): what the officer gets in the quick fix and
 * from --fix, with the built-in packs.
 */
import * as assert from 'node:assert/strict';
import { analyzeText, applyEdits, type Finding } from '../../../../server/src/core';
import { fixAll } from '../../../../server/src/core/fixes/fixAll';
import { loadPacks } from '../../../../server/src/packs/loadPacks';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

const { ruleSet } = loadPacks();

function draft(parties: Record<string, string>, sentence: string): string {
  const keys = Object.entries(parties).map(([role, name]) => `${role}: ${name}`);
  return ['---', '文种: 协议书', '类别: 企业集团', '标题: 合作协议', ...keys, '签署日期: 待定', '阶段: 起草', '---', '一、合作内容', '双方在智能制造领域开展合作。', sentence, '二、其他', '未尽事宜另行协商。', ''].join('\n');
}

function rewording(text: string, rule: string): { title: string; newText: string; safe: boolean; finding: Finding } {
  const finding = analyzeText(text, ruleSet).find((f) => f.rule === rule);
  assert.ok(finding, `no ${rule} in:\n${text}`);
  const fix = fixesOf(finding).find((f) => f.kind === 'rewrite');
  assert.ok(fix, `no rewording on ${rule}: ${fixesOf(finding).map((f) => f.title).join(' | ')}`);
  assert.equal(fix.edits.length, 1);
  return { title: fix.title, newText: fix.edits[0].newText, safe: fix.safe, finding };
}

const GOVERNMENT = { 甲方: '某某市人民政府' };

describe('compliant rewordings name the sentence’s parties', () => {
  it('a tax rebate for companies in a park, where 乙方 is a ministry, is reworded about those companies, not 乙方', () => {
    const text = draft({ ...GOVERNMENT, 乙方: '中华人民共和国商务部' }, '对入驻园区的企业，甲方按其缴纳的增值税地方留成部分的50%给予奖励。');
    const r = rewording(text, 'clause/tax-rebate');
    assert.equal(r.newText, '入驻园区的企业依法纳税，依法享受国家规定的税收优惠政策。');
    assert.equal(r.title, '改为合规表述：“入驻园区的企业依法纳税，依法享受国家规定的税收优惠政策。”');
    assert.equal(r.safe, true);
    // --fix applies it: the officer's other sentences stay, the finding is gone.
    const fixed = fixAll(text, ruleSet).text;
    assert.ok(fixed.includes('双方在智能制造领域开展合作。\n入驻园区的企业依法纳税，依法享受国家规定的税收优惠政策。\n二、其他'), fixed);
    assert.ok(!analyzeText(fixed, ruleSet).some((f) => f.rule === 'clause/tax-rebate'));
  });

  it('a guarantee by 丙方 (a platform company) is reworded as 丙方’s', () => {
    const text = draft({ ...GOVERNMENT, 乙方: '华信智造科技有限公司', 丙方: '某某区城市建设投资集团有限公司' }, '丙方为乙方的银行贷款提供连带责任担保。');
    assert.equal(rewording(text, 'clause/government-guarantee').newText, '丙方不提供任何形式的担保。');
  });

  it('a guarantee by a 管委会 that is no signatory is reworded as the 管委会’s', () => {
    const text = draft({ ...GOVERNMENT, 乙方: '华信智造科技有限公司' }, '园区管委会承诺对乙方贷款承担连带担保责任。');
    assert.equal(rewording(text, 'clause/government-guarantee').newText, '园区管委会不提供任何形式的担保。');
  });

  it('two government parties joined by 和 are both named, as written', () => {
    const text = draft({ ...GOVERNMENT, 乙方: '华信智造科技有限公司', 丙方: '某某区城市建设投资集团有限公司' }, '甲方和丙方为乙方的银行贷款提供担保。');
    assert.equal(rewording(text, 'clause/government-guarantee').newText, '甲方和丙方不提供任何形式的担保。');
  });

  it('parties named together are named together, as written', () => {
    const text = draft({ ...GOVERNMENT, 乙方: '华信智造科技有限公司' }, '甲方对乙方及其关联企业实行先征后返。');
    assert.equal(rewording(text, 'clause/tax-rebate').newText, '乙方及其关联企业依法纳税，依法享受国家规定的税收优惠政策。');
  });

  it('two counterparties of which neither acts nor is named with the other: a placeholder, not a guess', () => {
    const text = draft({ ...GOVERNMENT, 乙方: '华信智造科技有限公司' }, '乙方引进的企业，甲方按其缴纳增值税的地方留成部分给予乙方奖励。');
    const r = rewording(text, 'clause/tax-rebate');
    assert.equal(r.newText, '（合作方名称）依法纳税，依法享受国家规定的税收优惠政策。');
    assert.equal(r.safe, false);
  });

  it('an item of a list names no party: the party of its lead-in is the one (the item keeps its marker and its ；)', () => {
    const text = draft({ ...GOVERNMENT, 乙方: '中华人民共和国商务部' }, '对入驻园区的企业，甲方按下列标准给予奖励：\n（一）年缴纳增值税超过1000万元的，按地方留成部分的50%返还；\n（二）其他情形另行商定。');
    const r = rewording(text, 'clause/tax-rebate');
    assert.equal(r.newText, '（一）入驻园区的企业依法纳税，依法享受国家规定的税收优惠政策；');
    assert.equal(r.safe, true);
  });

  it('where 甲方 is the company and 乙方 the government, the company is 甲方 in the rewording', () => {
    const text = draft({ 甲方: '华信智造科技有限公司', 乙方: '某某市人民政府' }, '乙方给予甲方五年内免征房产税的优惠。');
    assert.equal(rewording(text, 'clause/tax-rebate').newText, '甲方依法纳税，依法享受国家规定的税收优惠政策。');
  });

  it('a sentence that names no counterparty, in an agreement with none, gets a placeholder, is not applied by --fix, and the placeholder is flagged', () => {
    const text = draft({ ...GOVERNMENT, 乙方: '中华人民共和国商务部' }, '甲方按增值税地方留成的50%给予奖励。');
    const r = rewording(text, 'clause/tax-rebate');
    assert.equal(r.newText, '（合作方名称）依法纳税，依法享受国家规定的税收优惠政策。');
    assert.equal(r.safe, false);
    assert.equal(fixAll(text, ruleSet).text, text);
    const applied = applyEdits(text, fixesOf(r.finding).find((f) => f.kind === 'rewrite')!.edits);
    assert.ok(analyzeText(applied, ruleSet).some((f) => f.rule === 'format/placeholder' && applied.slice(f.span.start, f.span.end).includes('合作方名称')));
  });

  it('a sentence breaking two rules gets one combined rewording, the same on both findings, keeping its list marker and its ；', () => {
    const text = draft({ ...GOVERNMENT, 乙方: '华信智造科技有限公司' }, '（一）甲方以土地出让金返还和税收返还方式给予乙方奖励；');
    const findings = analyzeText(text, ruleSet).filter((f) => f.rule === 'clause/land-price' || f.rule === 'clause/tax-rebate');
    assert.equal(findings.length, 2);
    const rewrites = findings.map((f) => fixesOf(f).filter((x) => x.kind === 'rewrite'));
    for (const list of rewrites) assert.equal(list.length, 1, 'one rewording per finding');
    assert.deepEqual(rewrites[0][0].edits, rewrites[1][0].edits, 'both findings offer the same rewording');
    const expected = '（一）项目用地依法通过招标拍卖挂牌方式出让，乙方按时足额缴纳土地出让金；乙方依法纳税，依法享受国家规定的税收优惠政策；';
    assert.equal(rewrites[0][0].edits[0].newText, expected);
    assert.match(rewrites[0][0].title, /^改为合规表述（一并改正本句的 2 处问题）/);
    const fixed = fixAll(text, ruleSet).text;
    assert.equal(fixed.split(expected).length, 2, `the rewording is applied once:\n${fixed}`);
    assert.ok(!analyzeText(fixed, ruleSet).some((f) => f.rule === 'clause/land-price' || f.rule === 'clause/tax-rebate'));
  });
});
