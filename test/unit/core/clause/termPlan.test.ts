import * as assert from 'node:assert/strict';
import { inlineConcept } from '../../../../server/src/core/clause/concepts';
import { termPlan, termsToTry } from '../../../../server/src/core/clause/termPlan';

describe('term plan', () => {
  const concept = inlineConcept('test', ['提供担保', '不…担保', '担保责任', '{政府方}承担', '提供…保证', '兜底']);
  const scanned = new Set(['提供担保', '担保责任', '提供', '兜底']);

  it('tries a term only when the first pass found its first literal, and always the terms it cannot vouch for', () => {
    const plan = termPlan(concept, scanned);
    // 不 (one character) and {政府方} are not looked for by the first pass: always tried.
    assert.deepEqual(plan.open, [1, 3]);
    assert.deepEqual(termsToTry(plan, new Set()), [1, 3]);
    assert.deepEqual(termsToTry(plan, new Set(['兜底'])), [1, 3, 5]);
    assert.deepEqual(termsToTry(plan, new Set(['提供', '提供担保'])), [0, 1, 3, 4]);
  });

  it("keeps the concept's own order whatever the order the literals were found in", () => {
    const plan = termPlan(concept, scanned);
    assert.deepEqual(termsToTry(plan, new Set(['兜底', '担保责任', '提供担保'])), [0, 1, 2, 3, 5]);
    const gatedOnly = termPlan(inlineConcept('gated', ['甲乙', '丙丁', '甲戊']), new Set(['甲乙', '丙丁', '甲戊']));
    assert.deepEqual(termsToTry(gatedOnly, new Set(['甲戊', '甲乙'])), [0, 2]);
    assert.deepEqual(termsToTry(gatedOnly, new Set(['丙丁'])), [1]);
  });

  it('is built again for another set of scanned literals', () => {
    const other = new Set<string>();
    assert.deepEqual(termPlan(concept, other).open, [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(termPlan(concept, scanned).open, [1, 3]);
  });
});
