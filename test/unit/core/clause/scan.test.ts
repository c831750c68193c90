import * as assert from 'node:assert/strict';
import { anchorsIn, buildAnchorIndex, candidatesFor, NEEDS_NORMALISING, NEEDS_NORMALISING_UNITS, scanAnchors, type Candidate } from '../../../../server/src/core/clause/scan';
import { foldTable } from '../../../../server/src/core/clause/fold';
import { loadPacks } from '../../../../server/src/packs/loadPacks';

/** What a list says: rule ids with the positions of their patterns. */
function described(candidates: Candidate[]): string[] {
  return candidates.map((c) => `${c.clause.rule.id}:${c.patterns.map((p) => c.clause.patterns.indexOf(p)).join(',')}`);
}

describe('clause first pass', () => {
  const rules = loadPacks().ruleSet;
  const sentences = [
    '甲方承诺对乙方的投资收益予以保底，差额部分由甲方财政资金补足。',
    '甲方保证为乙方项目调剂新增建设用地指标二百亩。',
    '甲方不再另行招标，由乙方独家负责园区的建设和运营。',
    '甲方同意乙方享有该区域内同类项目的独家经营权。',
    '甲、乙双方应当加强沟通，定期召开联席会议。',
  ];

  it('finds the anchors of traditional and full-width text as of the simplified text, in the order they start', () => {
    const index = rules.anchorIndex;
    const simplified = anchorsIn(index, sentences[1], 0, sentences[1].length);
    const traditional = anchorsIn(index, '甲方保證為乙方項目調劑新增建設用地指標二百畝。', 0, 23);
    assert.ok(simplified && simplified.has('建设用地'));
    assert.deepEqual([...traditional!], [...simplified]);
  });

  it('gives the same rules for an anchor set whether looked up first, again, or after the cache started over', () => {
    // A fresh index, so the first lookups compute; the rule set's own index is shared by other tests.
    const index = buildAnchorIndex(rules.clauses);
    const first = sentences.map((s) => described(candidatesFor(index, anchorsIn(index, s, 0, s.length), rules.concepts)));
    assert.ok(first.some((list) => list.length > 0));
    const again = sentences.map((s) => described(candidatesFor(index, anchorsIn(index, s, 0, s.length), rules.concepts)));
    assert.deepEqual(again, first);
    // Fill the cache past its size with made-up anchor sets, so it starts over.
    const literals = [...index.all];
    const made = 17000;
    for (let i = 0; i < made; i++) candidatesFor(index, new Set([literals[i % literals.length], literals[(Math.floor(i / literals.length) + 1) % literals.length]]), rules.concepts);
    assert.ok(index.candidateCount < made, 'the cache started over');
    const after = sentences.map((s) => described(candidatesFor(index, anchorsIn(index, s, 0, s.length), rules.concepts)));
    assert.deepEqual(after, first);
  });

  it('shares one list between anchor sets that wake the same rules with the same patterns', () => {
    const index = buildAnchorIndex(rules.clauses);
    const none = candidatesFor(index, null, rules.concepts);
    // An anchor no rule is keyed on wakes only the rules tried on every sentence.
    const unkeyed = [...index.all].find((a) => !index.owners.has(a))!;
    assert.equal(candidatesFor(index, new Set([unkeyed]), rules.concepts), none);
  });

  it('finds the same anchors, in the same order, as trying every literal at every position', () => {
    const index = rules.anchorIndex;
    const fold = foldTable();
    const literals = [...index.all];
    const texts = [...sentences, '甲方保證為乙方項目調劑新增建設用地指標二百畝，不再另行招標，並承諾保底收益。', '不再不再不再不再建设建设用地'];
    for (const text of texts) {
      const expected = new Set<string>();
      for (let p = 0; p < text.length; p++) {
        // At one start: the one-unit literal first, then the others in the order of the index.
        const here = literals.filter((l) => p + l.length <= text.length && [...l].every((_, k) => fold[text.charCodeAt(p + k)] === l.charCodeAt(k)));
        here.sort((a, b) => (a.length === 1 ? -1 : 0) - (b.length === 1 ? -1 : 0) || literals.indexOf(a) - literals.indexOf(b));
        for (const l of here) expected.add(l);
      }
      assert.deepEqual([...(anchorsIn(index, text, 0, text.length) ?? [])], [...expected], text);
    }
  });

  it('stops at exactly the units that a sentence is normalised for', () => {
    const needs = /[\s\u200b-\u200d\u2060\ufeff\u00ad]/;
    const listed = new Set(NEEDS_NORMALISING_UNITS);
    for (let c = 0; c < 65536; c++) assert.equal(listed.has(c), needs.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
    const index = rules.anchorIndex;
    assert.equal(scanAnchors(index, '甲方承诺\u3000保底收益', 0, 9, true), NEEDS_NORMALISING);
    assert.ok(scanAnchors(index, '甲方承诺\u3000保底收益', 0, 9, false) > 0);
  });
});
