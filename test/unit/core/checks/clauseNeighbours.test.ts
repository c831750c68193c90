import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../../server/src/core';
import { loadPacks } from '../../../../server/src/packs/loadPacks';
import { FRONT } from '../../helpers';
import { fixesOf } from '../../../../server/src/core/fixes/onDemand';

describe('clause checks and the sentence after', () => {
  const builtin = loadPacks().ruleSet;
  const clauseRules = (body: string) => analyzeText(`${FRONT}\n# 测试协议\n${body}\n`, builtin).map((f) => f.rule).filter((r) => r.startsWith('clause/'));
  const RISKY = '甲方按乙方缴纳增值税地方留成部分的50%给予乙方补贴。';

  it('drops the findings of a sentence that the next one limits by the state’s rules, pointing back', () => {
    assert.ok(clauseRules(RISKY).includes('clause/tax-rebate'));
    assert.deepEqual(clauseRules(`${RISKY}上述补贴以国家和省统一政策为限。`), []);
    assert.deepEqual(clauseRules('甲方免收乙方城市基础设施配套费。上述减免按国家有关规定执行。'), []);
  });

  it('keeps them when the next sentence only arranges the payment, speaks of another party, or stands apart', () => {
    assert.ok(clauseRules(`${RISKY}补贴资金按季度拨付。`).includes('clause/tax-rebate'));
    assert.ok(clauseRules('甲方免收乙方城市基础设施配套费。乙方按国家有关规定执行。').includes('clause/fee-waiver'));
    // A blank line between: another paragraph, not a limit of this one.
    assert.ok(clauseRules(`${RISKY}\n\n上述补贴以国家和省统一政策为限。`).includes('clause/tax-rebate'));
  });

  describe('a sentence that points back, read with the one before', () => {
    const findings = (body: string) => {
      const doc = `${FRONT}\n# 测试协议\n${body}\n`;
      return analyzeText(doc, builtin).filter((f) => f.rule.startsWith('clause/')).map((f) => ({ rule: f.rule, words: doc.slice(f.span.start, f.span.end), fixes: fixesOf(f).length }));
    };

    it('reports a rule whose words stand in both sentences, over the two, without a rewording', () => {
      const found = findings('乙方将注册地和税收关系迁入本区。甲方据此给予乙方一次性奖励。');
      const relocation = found.find((f) => f.rule === 'clause/relocation-incentive');
      assert.ok(relocation, JSON.stringify(found));
      assert.match(relocation.words, /迁入本区。甲方据此给予乙方一次性奖励/);
      assert.equal(relocation.fixes, 0);
    });

    it('leaves two sentences apart when the second does not point back, or stands in another paragraph', () => {
      assert.deepEqual(findings('乙方将注册地和税收关系迁入本区。甲方依法为乙方办理登记手续。'), []);
      assert.deepEqual(findings('乙方将注册地和税收关系迁入本区。\n\n甲方据此给予乙方一次性奖励。'), []);
    });

    it('adds nothing a sentence already reported alone', () => {
      const found = findings('甲方按乙方缴纳增值税地方留成部分的50%给予乙方补贴。上述补贴按季度拨付。');
      assert.equal(found.filter((f) => f.rule === 'clause/tax-rebate').length, 1);
    });
  });
});
