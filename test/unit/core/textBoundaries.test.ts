import * as assert from 'node:assert/strict';
import { analyzeText, applyEdits, minimalEdit } from '../../../server/src/core';
import { snapEdit, snapSpan, splitsPair } from '../../../server/src/core/textBoundaries';
import { RULES } from './fixes/helpers';

describe('no range or edit splits a character pair', () => {
  const text = 'a\r\nb𠮷c';
  it('finds the boundaries inside CRLF and inside a surrogate pair', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => splitsPair(text, i)), [false, false, true, false, false, true, false, false]);
  });
  it('widens spans outward to whole characters', () => {
    assert.deepEqual(snapSpan(text, { start: 2, end: 5 }), { start: 1, end: 6 });
  });
  it('widens edits and puts the cut halves back, so the result is the same text', () => {
    for (const edit of [{ start: 2, end: 5, newText: 'X' }, { start: 5, end: 5, newText: 'Y' }, { start: 2, end: 2, newText: '' }]) {
      const snapped = snapEdit(text, edit);
      assert.ok(!splitsPair(text, snapped.start) && !splitsPair(text, snapped.end), JSON.stringify(snapped));
      assert.equal(applyEdits(text, [snapped]), applyEdits(text, [edit]));
    }
  });
  it('the smallest edit between two texts never ends between CR and LF', () => {
    const edit = minimalEdit('一\r\n二\r\n', '一\r\n三\r\n\r\n')!;
    assert.ok(!splitsPair('一\r\n二\r\n', edit.start) && !splitsPair('一\r\n二\r\n', edit.end), JSON.stringify(edit));
    assert.equal(applyEdits('一\r\n二\r\n', [edit]), '一\r\n三\r\n\r\n');
  });
  it('a duplicate key in CRLF front matter is reported on the key, not on a lone CR', () => {
    const text = '---\r\n文种: 协议书\r\n文种: 协议书\r\n---\r\n';
    const duplicate = analyzeText(text, RULES).find((f) => f.message.includes('出现了两次'))!;
    assert.equal(text.slice(duplicate.span.start, duplicate.span.end), '文种');
  });
});
