import * as assert from 'node:assert/strict';
import { evaluateSentence } from '../../../../server/src/core/checks/clauses';
import { identifyParties } from '../../../../server/src/core/parties';
import { loadPacks } from '../../../../server/src/packs/loadPacks';

/** The built-in packs reading one sentence between 甲方, a district government, and 乙方, a company: what a test of a reading asserts. */
export const rules = loadPacks().ruleSet;
export const context = { rules, parties: identifyParties({ 甲方: '天津市河北区人民政府', 乙方: '某某集团有限公司' }) };
const ids = (sentence: string) => evaluateSentence(context, sentence).map((h) => h.clause.rule.id).sort();

/** A test that the sentence is reported under every one of `expected`. */
export function flags(sentence: string, ...expected: string[]) {
  it(`flags ${expected.join(' ')}: ${sentence}`, () => {
    const got = ids(sentence);
    for (const id of expected) assert.ok(got.includes(id), `${id} missing (got ${got.join(', ') || 'none'})`);
  });
}

/** A test that the sentence is reported under none of `notExpected`. */
export function passes(sentence: string, ...notExpected: string[]) {
  it(`passes ${notExpected.join(' ')}: ${sentence}`, () => {
    const got = ids(sentence);
    for (const id of notExpected) assert.ok(!got.includes(id), `${id} wrongly reported`);
  });
}
