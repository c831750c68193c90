import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../../server/src/core';
import { loadPacks } from '../../../../server/src/packs/loadPacks';

const rules = loadPacks().ruleSet;

/** A 框架性 agreement approved by 审签 whose body says `sentence`, among sentences on nothing else. */
function document(sentence: string): string {
  return [
    '---',
    '文种: 协议书',
    '类别: 企业集团',
    '标题: 天津市河北区人民政府与某科技有限公司合作协议',
    '甲方: 天津市河北区人民政府',
    '乙方: 某科技有限公司',
    '签署日期: 2025-05-08',
    '审批方式: 审签',
    '涉及事项: [框架性]',
    '---',
    '# 天津市河北区人民政府与某科技有限公司合作协议',
    '',
    '一、合作内容',
    '',
    '双方在科技研发领域开展合作。',
    sentence,
    '',
  ].join('\n');
}

function routeMessages(sentence: string): string[] {
  return analyzeText(document(sentence), rules)
    .filter((f) => f.rule === 'procedure/approval-route')
    .map((f) => f.message);
}

describe('procedure/approval-route reads the body', () => {
  it('land given in 公顷 after 占地, without 土地 or 用地, needs the 区长办公会议', () => {
    const [message] = routeMessages('项目占地约三公顷。');
    assert.match(message ?? '', /正文涉及土地利用.*区长办公会议/);
  });

  it('land in 亩 alone needs it too', () => {
    assert.match(routeMessages('乙方项目一期规划五十亩。')[0] ?? '', /正文涉及土地利用/);
  });

  it('government money named as 奖补资金 or 财政补贴, or in 万元, needs it', () => {
    assert.match(routeMessages('甲方安排奖补资金支持乙方研发。')[0] ?? '', /正文涉及财政资金使用/);
    assert.match(routeMessages('甲方给予乙方财政补贴。')[0] ?? '', /正文涉及财政资金使用/);
    assert.match(routeMessages('甲方向乙方拨付启动经费三百万元。')[0] ?? '', /正文涉及财政资金使用/);
  });

  it('a body with neither land nor government money asks for no meeting', () => {
    assert.deepEqual(routeMessages('双方定期交流研发进展。'), []);
  });
});
