import * as assert from 'node:assert/strict';
import { compileConcepts, parseTerm } from '../../../../server/src/core/clause/concepts';

describe('clause concepts', () => {
  it('reads a gap as a piece of its own: 纳税…额', () => {
    assert.deepEqual(parseTerm('纳税…额').pieces, [{ kind: 'lit', text: '纳税' }, { kind: 'gap' }, { kind: 'lit', text: '额' }]);
    assert.deepEqual(parseTerm('不再...同类').pieces, [{ kind: 'lit', text: '不再' }, { kind: 'gap' }, { kind: 'lit', text: '同类' }]);
  });

  it('reads …… (or ......) as a long gap that spans the comma-clause', () => {
    assert.deepEqual(parseTerm('占……股份').pieces, [{ kind: 'lit', text: '占' }, { kind: 'gap', long: true }, { kind: 'lit', text: '股份' }]);
    assert.deepEqual(parseTerm('占......股份').pieces, [{ kind: 'lit', text: '占' }, { kind: 'gap', long: true }, { kind: 'lit', text: '股份' }]);
  });

  it('reads {名称} as a reference to another concept', () => {
    assert.deepEqual(parseTerm('由{对方}承建').pieces, [{ kind: 'lit', text: '由' }, { kind: 'ref', name: '对方' }, { kind: 'lit', text: '承建' }]);
  });

  it('folds a term written in traditional or full-width characters the way document text is folded', () => {
    assert.deepEqual(parseTerm('稅收返還').pieces, [{ kind: 'lit', text: '税收返还' }]);
    assert.deepEqual(parseTerm('万元／亩').pieces, [{ kind: 'lit', text: '万元/亩' }]);
  });

  it('merges concepts of the same name from later packs, resolves include, and survives a cycle', () => {
    const concepts = compileConcepts([
      { name: '利益', terms: ['返还', '奖励'] },
      { name: '利益', terms: ['补贴'], include: ['减免类'] },
      { name: '减免类', terms: ['减免'], include: ['利益'] },
    ]);
    assert.deepEqual(concepts.get('利益')!.terms.map((t) => t.source).sort(), ['减免', '奖励', '补贴', '返还'].sort());
    assert.ok(concepts.get('减免类')!.terms.some((t) => t.source === '返还'));
    // The two party concepts always exist; documents fill them in.
    assert.ok(concepts.has('政府方') && concepts.has('对方'));
  });
});
