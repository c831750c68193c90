import * as assert from 'node:assert/strict';
import { citationLabel } from '../../../server/src/core';
import { loadPacks } from '../../../server/src/packs/loadPacks';

describe('citations shown to officers', () => {
  const { ruleSet, packs } = loadPacks();

  it('never say 未核: an unverified article is left out and the document alone is cited', () => {
    const refs = packs.flatMap((p) => [...(p.clauses ?? []).flatMap((c) => [c.citation, ...(c.seeAlso ?? [])]), ...(p.checks ?? []).map((c) => c.citation)]);
    const unverified = refs.filter((r) => r && /未核/.test(r.article));
    assert.ok(unverified.length > 0, 'the built-in packs still hold unverified article keys');
    for (const ref of unverified) {
      const resolved = ruleSet.resolve(ref)!;
      assert.equal(resolved.article, '');
      assert.ok(!citationLabel(resolved).includes('未核'), citationLabel(resolved));
      assert.ok(resolved.text.length > 0, 'the words are still found by their key');
    }
  });

  it('a label is the 文号 and the article, or the document alone', () => {
    assert.equal(citationLabel({ regulationId: 'x', docNumber: '河北政办〔2017〕47号', title: 't', issuer: '', article: '四(三)', text: '' }), '河北政办〔2017〕47号 四(三)');
    assert.equal(citationLabel({ regulationId: 'x', docNumber: '', title: '国务院办公厅关于规范国有土地使用权出让收支管理的通知', issuer: '', article: '', text: '' }), '《国务院办公厅关于规范国有土地使用权出让收支管理的通知》');
  });
});
