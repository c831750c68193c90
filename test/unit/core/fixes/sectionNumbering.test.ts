import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../../server/src/core';
import { bothLineBreaks, checkFix, FRONT, RULES } from './helpers';

const lines = (...l: string[]) => l.join('\n');

describe('section/numbering quick fix: renumber the level', () => {
  bothLineBreaks('renumbers a gap and a repeat, touching only the markers', (c) => {
    const text = c(FRONT + lines('一、合作原则', '互利共赢。', '三、合作内容', '（一）智能制造', '（一）人才培养', '三、法律责任', '依法承担责任。', ''));
    const fixed = checkFix(text, { rule: 'section/numbering', message: '第2项' });
    assert.equal(fixed, text.replace('三、合作内容', '二、合作内容'));
    const both = checkFix(fixed, { rule: 'section/numbering', message: '第2项' });
    assert.equal(both, fixed.replace('（一）人才培养', '（二）人才培养'));
    assert.deepEqual(analyzeText(both, RULES).filter((f) => f.rule === 'section/numbering'), []);
  });

  it('keeps half-width and full-width punctuation as written', () => {
    const text = FRONT + lines('一、合作原则', '(一)甲', '(三)乙', '1.丙', '3.丁', '');
    const once = checkFix(text, { rule: 'section/numbering', message: '“(三)”' });
    assert.ok(once.includes('(二)乙'), once);
    const twice = checkFix(once, { rule: 'section/numbering', message: '“3.”' });
    assert.ok(twice.includes('2.丁'), twice);
  });
});
