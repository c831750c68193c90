/**
 * A small rule pack for robustness tests and fuzzing, independent of the built-in
 * packs (which another change owns): one category with required sections, an
 * element list (items, labels and a pattern), clause rules with and without a
 * replacement, and a front-matter check with an insert. Loaded through `loadPack`
 * so the loader is exercised too.
 */
import { buildRuleSet, loadPack, type RuleSet, type RulePack } from '../../../server/src/core';
import { loadPacks } from '../../../server/src/packs/loadPacks';

export const TEST_PACK_YAML = `
id: test/robustness
title: 健壮性测试规则包
regulations:
  - id: test-reg
    docNumber: 测试〔2025〕1号
    title: 测试规定
    issuer: 测试机关
    date: '2025-01-01'
    provisions:
      二(四): 协议应包括合作原则、合作内容、重点项目、保障措施、法律责任。
      三(一): 不得约定排他性条款，不得提供担保。
categories:
  - name: 企业集团
    description: 与企业集团签订的战略合作协议
    docTypes: [协议书]
    citation: { regulation: test-reg, article: 二(四) }
    sections:
      - name: 合作原则
        aliases: [合作宗旨]
        skeleton: 坚持平等自愿、互利共赢。
        citation: { regulation: test-reg, article: 二(四) }
      - name: 合作内容
        skeleton: 双方在……领域开展合作。
        citation: { regulation: test-reg, article: 二(四) }
      - name: 重点项目
        skeleton: （一）……项目
        elementsPerItem: true
        citation: { regulation: test-reg, article: 二(四) }
        elements:
          - { name: 实施主体, skeleton: 实施主体：……, insertAs: label, citation: { regulation: test-reg, article: 二(四) } }
          - { name: 资金来源, skeleton: 资金来源：……, insertAs: label, citation: { regulation: test-reg, article: 二(四) } }
          - { name: 开工时间, pattern: '\\d{4}年\\d{1,2}月开工', skeleton: 开工时间：……, insertAs: label, citation: { regulation: test-reg, article: 二(四) } }
      - name: 保障措施
        skeleton: 双方建立保障机制。
        citation: { regulation: test-reg, article: 二(四) }
        elements:
          - { name: 政策保障, skeleton: 政策保障。……, citation: { regulation: test-reg, article: 二(四) } }
          - { name: 资金保障, synonyms: [经费保障], skeleton: 资金保障。……, citation: { regulation: test-reg, article: 二(四) } }
      - name: 法律责任
        skeleton: 双方依法承担责任。
        citation: { regulation: test-reg, article: 二(四) }
clauses:
  - id: clause/exclusive
    severity: error
    title: 排他性条款
    message: 协议含有排他性条款。
    advice: 请删除或改为非排他表述。
    any: [排他, 独家, 唯一合作]
    replacement: 本协议不设排他性条款。
    citation: { regulation: test-reg, article: 三(一) }
    examples: { bad: [乙方享有独家合作权。], good: [本协议不设排他性条款。] }
  - id: clause/government-guarantee
    severity: error
    title: 政府担保
    message: 政府方不得提供担保。
    advice: 请删除担保承诺。
    any: [担保, 兜底]
    actor: government
    citation: { regulation: test-reg, article: 三(一) }
    examples: { bad: [甲方为乙方融资提供担保。], good: [乙方向甲方提供履约担保。] }
checks:
  - id: procedure/legal-review
    severity: warning
    title: 法律顾问意见
    message: 未记录法律顾问意见。
    advice: 请在文件头写明法律顾问意见。
    requireAny: [法律顾问意见]
    insert: { key: 法律顾问意见, value: 待出具 }
    citation: { regulation: test-reg, article: 二(四) }
`;

export function testPack(): RulePack {
  const result = loadPack(TEST_PACK_YAML, 'testPack.ts');
  if (!result.pack) throw new Error(`test pack refused: ${JSON.stringify(result.problems)}`);
  return result.pack;
}

let cached: RuleSet | undefined;
/** The test pack alone. */
export function testRules(): RuleSet {
  return (cached ??= buildRuleSet([testPack()]));
}

let builtin: RuleSet | undefined;
/** The built-in packs (whatever `rules/` holds today), for fuzzing against the real rules too. */
export function builtinRules(): RuleSet {
  return (builtin ??= loadPacks().ruleSet);
}

const FRONT = [
  '---',
  '文种: 协议书',
  '类别: 企业集团',
  '标题: 天津市河北区人民政府与某某集团有限公司战略合作协议',
  '甲方: 天津市河北区人民政府',
  '乙方: 某某集团有限公司',
  '牵头单位: 区商务局',
  '签署日期: 2025-06-30',
  '法律顾问意见: 区商务局法律顾问2025年6月10日书面意见',
  '---',
];

/** A complete agreement: no finding from the test pack. */
export const CLEAN = [
  ...FRONT,
  '# 天津市河北区人民政府与某某集团有限公司战略合作协议',
  '',
  '一、合作原则（宗旨）',
  '坚持企业主体地位，互利共赢。本协议不设排他性条款。',
  '',
  '二、合作内容',
  '双方在智能制造领域开展合作。',
  '',
  '三、重点项目',
  '（一）产业园项目',
  '实施主体：某某集团有限公司。资金来源：企业自有资金。开工时间：2025年10月开工。',
  '',
  '四、保障措施',
  '（一）政策保障。甲方依法提供政务服务。',
  '（二）资金保障。乙方保障项目资金。',
  '',
  '五、法律责任',
  '双方依法承担责任。乙方向甲方提供履约担保。',
  '',
].join('\n');

/** An agreement with something for every fix kind: missing sections, elements, bad numbering, clauses, a missing key. */
export const MESSY = [
  ...FRONT.filter((line) => !line.startsWith('法律顾问意见') && !line.startsWith('牵头单位')),
  '# 某某合作协议',
  '前言：甲方同意乙方为唯一合作伙伴。',
  '一、合作内容',
  '双方在智能制造领域开展合作，乙方享有独家合作权。',
  '三、合作原则',
  '互利共赢。',
  '四、重点项目',
  '（一）产业园项目',
  '实施主体：某某集团。',
  '（三）物流项目',
  '资金来源：自筹。',
  '五、保障措施',
  '（一）政策保障。',
  '甲方为乙方融资提供担保，并承担兜底责任。',
].join('\n');
