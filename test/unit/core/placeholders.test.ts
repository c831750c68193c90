import * as assert from 'node:assert/strict';
import { findPlaceholders, onlyPlaceholders, withoutPlaceholders, writtenWords, writtenWordsUntil } from '../../../server/src/core/placeholders';

/** The passage read whole, as the check was first written: the line-by-line reading must give the same words. */
function wholePassageWords(text: string): string {
  const bare = (t: string) =>
    t.replace(/^[ \t\u3000]*(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+、|\d+[．.、]|第[一二三四五六七八九十百\d]+[章条节])/gm, '').replace(/[\s\p{P}\p{S}]/gu, '');
  const lines = text.split(/\r\n|\r|\n/).filter((line) => findPlaceholders(line).length === 0 || bare(withoutPlaceholders(line)).length > 6);
  return bare(withoutPlaceholders(lines.join('\n')));
}

/** Seeded texts of section bodies: labels, blanks, heading markers, signing lines, every kind of line break. */
function passages(count: number): string[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pieces = ['资金来源：', '……', '...', '。。。', '____', '＿＿', '【甲方】', '（甲方全称）', '（写明合作的领域）', '（　　）', '某某', '某某万元', 'XX', '××', '一式×份', '（一）', '一、', '1.', '第三条', '甲方', '乙方应当按照约定履行义务', '签字：', '年 月 日', '，', '。', '：', ' ', '\u3000', '\t', '\n', '\r\n', '\r', '\n\n', '实施主体', 'ab', 'Xy', '(', ')'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    const n = 1 + Math.floor(next() * 30);
    for (let k = 0; k < n; k++) text += pieces[Math.floor(next() * pieces.length)];
    out.push(text);
  }
  return out;
}

describe('placeholders', () => {
  it('finds the blanks of a template, the copy count of 一式×份 on its own character, and keeps skipped spans out', () => {
    const text = '本协议一式×份，甲乙双方各执X份。乙方：某某，金额某某万元，【甲方】，（甲方全称），____，……';
    const found = findPlaceholders(text, 0, text.length, [{ start: text.indexOf('【'), end: text.indexOf('】') + 1 }]);
    assert.deepEqual(found.map((p) => p.text), ['×', 'X', '某某', '某某', '（甲方全称）', '____', '……']);
    assert.equal(text.slice(found[0].span.start, found[0].span.end), '×');
  });

  it('a document of hundreds of thousands of blanks is read in linear time (it was quadratic: minutes to hours)', () => {
    const text = '……\n'.repeat(300000);
    const started = Date.now();
    assert.equal(findPlaceholders(text).length, 300000);
    // A hang guard, not a speed claim: linear work takes well under a second here, the old check tens of minutes.
    assert.ok(Date.now() - started < 10000, `${Date.now() - started} ms`);
  });

  it('a passage says the same words read line by line as read whole, on 3,000 seeded passages', () => {
    for (const text of passages(3000)) {
      const expected = wholePassageWords(text);
      assert.equal(writtenWords(text), expected, JSON.stringify(text));
      assert.equal(onlyPlaceholders(text), expected.length === 0, JSON.stringify(text));
    }
  });

  it('lines that are skeleton instructions are left out when deciding whether a passage is only placeholders', () => {
    const skeleton = new Set(['逐个列明重点项目的名称、地点和规模']);
    assert.equal(onlyPlaceholders('\n  逐个列明重点项目的名称、地点和规模\n资金来源：……\n', skeleton), true);
    assert.equal(onlyPlaceholders('\n逐个列明重点项目的名称、地点和规模\n资金来源：……\n'), false);
    assert.equal(onlyPlaceholders('\n逐个列明重点项目的名称、地点和规模\r\n甲方负责协调用地。', skeleton), false);
  });

  it('reads the words of a passage up to the first line a reader stops at, and all of them when it never stops', () => {
    const passage = '（一）资金来源：……\n甲方负责协调用地。\r\n乙方按期开工。';
    assert.equal(writtenWordsUntil(passage, () => false), writtenWords(passage));
    assert.equal(writtenWordsUntil(passage, (words) => words.length > 0), '甲方负责协调用地');
    assert.equal(writtenWordsUntil(passage, () => true), '');
  });
});
