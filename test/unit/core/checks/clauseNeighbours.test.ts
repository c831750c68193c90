import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../../server/src/core';
import { loadPacks } from '../../../../server/src/packs/loadPacks';
import { FRONT } from '../../helpers';

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
});
