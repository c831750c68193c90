import { analyzeText, buildRuleSet, type RulePack, type RuleSet } from '../../server/src/core';

/** A small pack made for the tests: one category, two clause rules, one procedure check. */
export const TEST_PACK: RulePack = {
  id: 'test/pack',
  title: '测试规则包',
  regulations: [
    {
      id: 'reg',
      docNumber: '测政〔2025〕1号',
      title: '测试规定',
      issuer: '测试机关',
      date: '2025-01-01',
      file: 'reg.txt',
      provisions: { '二(四)': '协议框架内容一般应包括合作原则、重点项目、法律责任等。', '一(二)2': '协议不得有排他性条款，不得要求政府机构提供任何形式的担保。' },
    },
  ],
  categories: [
    {
      name: '企业集团',
      description: '与企业集团签署',
      docTypes: ['协议书'],
      citation: { regulation: 'reg', article: '二(四)' },
      sections: [
        { name: '合作原则', aliases: ['合作宗旨'], skeleton: '写明合作原则。', citation: { regulation: 'reg', article: '二(四)' } },
        {
          name: '重点项目',
          aliases: ['规划选址'],
          skeleton: '写明重点项目。',
          elementsPerItem: true,
          citation: { regulation: 'reg', article: '二(四)' },
          elements: [
            { name: '实施主体', skeleton: '实施主体：……', insertAs: 'label', citation: { regulation: 'reg', article: '二(四)' } },
            { name: '资金来源', skeleton: '资金来源：……', insertAs: 'label', citation: { regulation: 'reg', article: '二(四)' } },
          ],
        },
        { name: '法律责任', skeleton: '明确双方在合作期间的权利和义务。', citation: { regulation: 'reg', article: '二(四)' } },
      ],
    },
  ],
  clauses: [
    {
      id: 'clause/exclusive',
      severity: 'error',
      title: '排他性条款',
      message: '协议含有排他性条款。',
      advice: '请删除。',
      any: ['排他', '独家', '唯一合作'],
      unless: ['非排他'],
      actor: 'any',
      replacement: '本协议不设排他性条款。',
      citation: { regulation: 'reg', article: '一(二)2' },
      examples: { bad: ['乙方享有独家合作权。'], good: ['本协议不设排他性条款。'] },
    },
    {
      id: 'clause/government-guarantee',
      severity: 'error',
      title: '政府担保',
      message: '协议要求政府提供担保。',
      advice: '请删除。',
      any: ['担保', '兜底'],
      actor: 'government',
      citation: { regulation: 'reg', article: '一(二)2' },
      examples: { bad: ['甲方为乙方贷款提供担保。'], good: ['乙方向甲方提供履约担保。'] },
    },
  ],
};

export const TEST_RULES: RuleSet = buildRuleSet([TEST_PACK]);

export const FRONT = ['---', '文种: 协议书', '类别: 企业集团', '标题: 测试协议', '甲方: 天津市河北区人民政府', '乙方: 某某集团有限公司', '牵头单位: 区商务局', '签署日期: 2025-06-30', '---'].join('\n');

/** Findings for a body under the standard front matter, as `rule@line:col` plus message. */
export function check(body: string, rules: RuleSet = TEST_RULES) {
  return analyzeText(`${FRONT}\n${body}`, rules);
}

export function rulesOf(findings: Array<{ rule: string }>): string[] {
  return findings.map((f) => f.rule);
}
