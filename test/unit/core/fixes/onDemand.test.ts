import * as assert from 'node:assert/strict';
import { analyzeText, fixesFor, fixesOf, NOT_CURRENT } from '../../../../server/src/core';
import { FRONT, RULES } from './helpers';

const lines = (...l: string[]) => l.join('\n');
const MISSING = FRONT + lines('一、合作原则', '互利共赢。', '二、法律责任', '依法承担责任。', '');

describe('fixes on demand', () => {
  it('analysis returns findings without fix edits; fixesOf computes them once, the same each time', () => {
    const findings = analyzeText(MISSING, RULES);
    const missing = findings.find((f) => f.rule === 'section/missing')!;
    assert.equal('fixes' in missing, false, 'no fix edits travel with the finding');
    const first = fixesOf(missing);
    assert.deepEqual(first.map((f) => f.title), ['插入“合作内容”一节', '插入“重点项目”一节', '插入“保障措施”一节', '插入全部缺少的 3 节']);
    assert.equal(fixesOf(missing), first, 'computed once and kept with the finding');
  });

  it('fixesFor gives, from the text and the finding alone, exactly the fixes of the analysed finding', () => {
    const findings = analyzeText(MISSING, RULES);
    for (const finding of findings) {
      const copy = JSON.parse(JSON.stringify(finding));
      assert.deepEqual(fixesOf(copy), [], 'a copy is not a finding analyze returned');
      const answer = fixesFor(MISSING, RULES, {}, copy);
      assert.ok('fixes' in answer, `${finding.rule}: ${'refused' in answer ? answer.refused : ''}`);
      assert.deepEqual(answer.fixes, fixesOf(finding));
    }
  });

  it('refuses a finding of another version of the text, or a forged one, with a reason and no edit', () => {
    const findings = analyzeText(MISSING, RULES);
    const missing = findings.find((f) => f.rule === 'section/missing')!;
    // The officer typed two characters at the start of the body: the finding named by the old payload is not there any more.
    const edited = MISSING.replace('一、合作原则', '一、合作原则补充');
    const stale = fixesFor(edited.replace('二、法律责任', '二、合作内容\n三、法律责任'), RULES, {}, { ...missing, span: { start: missing.span.start + 5, end: missing.span.end + 5 } });
    assert.deepEqual(stale, { refused: NOT_CURRENT });
    const forged = fixesFor(MISSING, RULES, {}, { rule: 'clause/government-guarantee', span: { start: 0, end: MISSING.length }, message: '删除此句' });
    assert.deepEqual(forged, { refused: NOT_CURRENT });
    const junk = fixesFor(MISSING, RULES, {}, { rule: 'section/missing', span: { start: Number.NaN, end: 3 } } as never);
    assert.deepEqual(junk, { refused: NOT_CURRENT });
  });
});
