import * as assert from 'node:assert/strict';
import { analyzeText, applyEdits, buildRuleSet, type RulePack } from '../../../../server/src/core';
import { frontMatterCompletions } from '../../../../server/src/core/completion/frontMatterCompletion';
import { parseDocument } from '../../../../server/src/core';
import { fixAll } from '../../../../server/src/core/fixes/fixAll';
import { loadPacks } from '../../../../server/src/packs/loadPacks';
import { TEST_PACK } from '../../helpers';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

const { ruleSet, packs } = loadPacks();
const BODY = '# 某区人民政府与某集团有限公司合作协议\n一、合作原则\n互利共赢。\n';
const front = (...lines: string[]) => ['---', '文种: 协议书', '标题: 某区人民政府与某集团有限公司合作协议', '甲方: 某区人民政府', '牵头单位: 区商务局', '签署日期: 待定', ...lines, '---', ''].join('\n');

describe('front-matter keys and values from the rule set', () => {
  it('a key one character from a known one gets a warning and a rename (类型 → 类别), which --fix applies', () => {
    const text = front('类型: 企业集团', '乙方: 某集团有限公司', '乙方性质: 国有企业') + BODY;
    const finding = analyzeText(text, ruleSet).find((f) => f.rule === 'schema/unknown-key');
    assert.ok(finding);
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /未知的键“类型”：是否应为“类别”？/);
    assert.equal(fixesOf(finding)[0].title, '将“类型”改为“类别”');
    const fixed = fixAll(text, ruleSet).text;
    assert.ok(fixed.includes('\n类别: 企业集团\n'), fixed);
    assert.ok(!analyzeText(fixed, ruleSet).some((f) => f.rule === 'schema/unknown-key' || f.rule === 'schema/required'));
  });

  it('an unknown key far from every known one is left alone', () => {
    const text = front('类别: 企业集团', '乙方: 某集团有限公司', '乙方性质: 国有企业', '备案说明: 无') + BODY;
    assert.ok(!analyzeText(text, ruleSet).some((f) => f.rule === 'schema/unknown-key'));
  });

  it('without 乙方性质, a 有限公司 counts as 企业: the counterparty check runs and says why', () => {
    const text = front('类别: 企业集团', '乙方: 某集团有限公司') + BODY;
    const finding = analyzeText(text, ruleSet).find((f) => f.rule === 'procedure/counterparty-assessment');
    assert.ok(finding, 'the counterparty check is not silently off');
    assert.match(finding.message, /文件头未写“乙方性质”，按乙方名称视为“企业”/);
    assert.equal(text.slice(finding.span.start, finding.span.end), '乙方');
    const fix = fixesOf(finding).find((f) => f.title === '在文件头中写明“乙方性质: 企业”');
    assert.ok(fix && !fix.safe);
    assert.ok(!analyzeText(front('类别: 企业集团', '乙方: 某区商务局') + BODY, ruleSet).some((f) => f.rule === 'procedure/counterparty-assessment'), 'a government body needs no assessment');
  });

  it('a workspace pack that adds a category makes it valid, with its description in completion and hover text', () => {
    const text = front('类别: 楼宇经济', '乙方: 某集团有限公司', '乙方性质: 国有企业') + BODY;
    assert.ok(analyzeText(text, ruleSet).some((f) => f.rule === 'schema/enum' && f.message.startsWith('类别 须为以下之一：')));
    const extra: RulePack = {
      id: 'workspace/louyu',
      title: '楼宇经济',
      regulations: [{ id: 'ly', docNumber: '', title: '某区楼宇经济合作办法', issuer: '某区人民政府', date: '2025', provisions: { 第三条: '楼宇经济合作协议应写明合作内容。' } }],
      categories: [{ name: '楼宇经济', description: '与楼宇业主签订的楼宇经济合作协议。', docTypes: ['协议书'], citation: { regulation: 'ly', article: '第三条' }, sections: [{ name: '合作内容', skeleton: '（写明合作内容。）', citation: { regulation: 'ly', article: '第三条' } }] }],
    };
    const merged = buildRuleSet([...packs, extra]);
    assert.ok(!analyzeText(text, merged).some((f) => f.rule.startsWith('schema/')));
    const at = text.indexOf('类别: ') + 4;
    const typing = text.slice(0, at) + text.slice(text.indexOf('\n', at));
    const items = frontMatterCompletions(parseDocument(typing), merged, at);
    const item = items.find((i) => i.label === '楼宇经济');
    assert.ok(item, items.map((i) => i.label).join());
    assert.match(item.documentation ?? '', /与楼宇业主签订的楼宇经济合作协议/);
  });

  it('the schema holds no fixed list of categories', () => {
    const text = front('类别: 其他', '乙方: 某集团有限公司', '乙方性质: 国有企业') + BODY;
    const finding = analyzeText(text, buildRuleSet([TEST_PACK])).find((f) => f.rule === 'schema/enum');
    assert.ok(finding, 'a category no loaded pack defines is not valid');
    assert.equal(finding.message, '类别 须为以下之一：企业集团。');
    assert.equal(applyEdits(text, fixesOf(finding)[0].edits), text.replace('类别: 其他', '类别: 企业集团'));
  });
});
