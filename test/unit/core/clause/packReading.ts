import * as assert from 'node:assert/strict';
import { evaluateSentence } from '../../../../server/src/core/checks/clauses';
import { identifyParties } from '../../../../server/src/core/parties';
import { loadPacks } from '../../../../server/src/packs/loadPacks';

/** The built-in packs reading one sentence between 甲方, a district government, and 乙方, a company: what a test of a reading asserts. */
export const rules = loadPacks().ruleSet;
const parties = identifyParties({ 甲方: '天津市河北区人民政府', 乙方: '某某集团有限公司' });
export const context = { rules, parties };
/** The packs' rules alone, without the clause model: what a pack reading itself reports. */
const rulesAlone = { rules: loadPacks([], undefined, { clauseModel: false }).ruleSet, parties };

type Reading = { flags(sentence: string, ...expected: string[]): void; passes(sentence: string, ...notExpected: string[]): void };

function readingsBy(by: typeof context): Reading {
  const ids = (sentence: string) => evaluateSentence(by, sentence).map((h) => h.clause.rule.id).sort();
  return {
    /** A test that the sentence is reported under every one of `expected`. */
    flags(sentence, ...expected) {
      it(`flags ${expected.join(' ')}: ${sentence}`, () => {
        const got = ids(sentence);
        for (const id of expected) assert.ok(got.includes(id), `${id} missing (got ${got.join(', ') || 'none'})`);
      });
    },
    /** A test that the sentence is reported under none of `notExpected`. */
    passes(sentence, ...notExpected) {
      it(`passes ${notExpected.join(' ')}: ${sentence}`, () => {
        const got = ids(sentence);
        for (const id of notExpected) assert.ok(!got.includes(id), `${id} wrongly reported`);
      });
    },
  };
}

/** What the officer sees: the rules and the clause model. */
export const { flags, passes } = readingsBy(context);
/** What the packs' rules read by themselves. */
export const byRules = readingsBy(rulesAlone);
