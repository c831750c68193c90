import * as assert from 'node:assert/strict';
import { analyzeText, buildRuleSet, type RulePack } from '../../../../server/src/core';
import { compileClauseModel } from '../../../../server/src/core/clause/model/classifier';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';
import { FRONT, TEST_PACK } from '../../helpers';
import { toyModelData } from '../clause/model/toyModel';

const model = compileClauseModel(toyModelData()).model!;

/** The test pack, with a tax-rebate rule whose pattern never matches and an exclusivity rule that also reads 一式四份. */
function pack(taxRebateCategories?: string[]): RulePack {
  return {
    ...TEST_PACK,
    clauses: [
      { ...TEST_PACK.clauses![0], any: ['排他', '独家', '唯一合作', '一式四份'] },
      TEST_PACK.clauses![1],
      {
        id: 'clause/tax-rebate',
        severity: 'error',
        title: '税收返还',
        message: '协议约定返还税收。',
        advice: '请删除。',
        any: ['绝不会出现的词语'],
        actor: 'any',
        replacement: '乙方依法纳税。',
        citation: { regulation: 'reg', article: '一(二)2' },
        examples: { bad: [], good: [] },
        ...(taxRebateCategories ? { categories: taxRebateCategories } : {}),
      },
    ],
  };
}

const clauseFindings = (body: string, p = pack(), withModel = true) =>
  analyzeText(`${FRONT}\n# 测试协议\n${body}\n`, buildRuleSet([p], withModel ? model : undefined)).filter((f) => f.rule.startsWith('clause/'));

describe('the clause model in the clause check', () => {
  const rebate = '甲方将乙方所缴税收的六成返还乙方。';

  it('reports a risk no rule reads, under its family, as a judgement to check', () => {
    const [finding, ...rest] = clauseFindings(rebate);
    assert.equal(rest.length, 0);
    assert.equal(finding.rule, 'clause/tax-rebate');
    assert.equal(finding.severity, 'warning', 'a model judgement is never an error');
    assert.match(finding.message, /条款模型判断，置信度 \d+%/);
    assert.match(finding.message, /税收返还/);
    assert.equal(finding.citation?.docNumber, '测政〔2025〕1号');
    assert.deepEqual(fixesOf(finding), [], 'it offers no rewording');
    assert.equal(finding.range.start.line, finding.range.end.line);
  });

  it('says nothing without a model, or where the family does not apply to the category', () => {
    assert.deepEqual(clauseFindings(rebate, pack(), false), []);
    assert.deepEqual(clauseFindings(rebate, pack(['对口合作'])), []);
  });

  it('keeps quiet where the words that weigh most stand under a negation, unless the rule reads a negation as the risk', () => {
    const negated = '甲方不将乙方缴纳的税收返还乙方。';
    assert.deepEqual(clauseFindings(negated), []);
    const readsNegation = pack();
    readsNegation.clauses![2] = { ...readsNegation.clauses![2], any: undefined, pattern: { slots: [{ role: 'act', negatable: false, terms: ['绝不会出现的词语'] }] } } as never;
    assert.deepEqual(clauseFindings(negated, readsNegation).map((f) => f.rule), ['clause/tax-rebate']);
  });

  it('reads no definition, as the rules read none', () => {
    assert.deepEqual(clauseFindings('本协议所称“税收返还”，是指甲方将乙方所缴税收的六成返还乙方。'), []);
  });

  it('says nothing on an ordinary clause', () => {
    assert.deepEqual(clauseFindings('双方加强沟通协调，按期完成项目建设。'), []);
  });

  it('leaves a rule finding as the rule made it, even where the model sees no risk', () => {
    const [finding, ...rest] = clauseFindings('本协议一式四份。');
    assert.equal(rest.length, 0);
    assert.equal(finding.rule, 'clause/exclusive');
    assert.equal(finding.severity, 'error');
    assert.doesNotMatch(finding.message, /条款模型/);
  });

  it('leaves a rule finding it agrees with as the rule made it', () => {
    const [finding] = clauseFindings('乙方享有园区内独家经营权。');
    assert.equal(finding.rule, 'clause/exclusive');
    assert.equal(finding.severity, 'error');
    assert.doesNotMatch(finding.message, /条款模型/);
    assert.ok(fixesOf(finding).length > 0);
  });

  it('adds the family it sees where rules reported others, without a rewording, and nothing where they reported that family', () => {
    // 一式四份 wakes the exclusivity rule; the words around it read as a tax rebate to the model.
    const findings = clauseFindings('本协议一式四份，甲方将乙方所缴税收的六成返还乙方。');
    assert.deepEqual(findings.map((f) => f.rule).sort(), ['clause/exclusive', 'clause/tax-rebate']);
    const byRule = findings.find((f) => f.rule === 'clause/exclusive')!;
    const byModel = findings.find((f) => f.rule === 'clause/tax-rebate')!;
    assert.doesNotMatch(byRule.message, /条款模型/);
    assert.ok(fixesOf(byRule).length > 0, 'the rule keeps its rewording');
    assert.match(byModel.message, /条款模型判断/);
    assert.equal(byModel.severity, 'warning');
    assert.deepEqual(fixesOf(byModel), []);
    assert.deepEqual(clauseFindings('乙方享有园区内独家经营权，甲方保证乙方在本区独家经营。').map((f) => f.rule), ['clause/exclusive']);
  });
});
