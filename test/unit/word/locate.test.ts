import * as assert from 'node:assert/strict';
import { locate, paragraphAt } from '../../../server/src/word/locate';
import { composeText } from '../../../server/src/word/read/compose';

const para = (index: number, text: string, kind: 'title' | 'body' = 'body', linePrefix = '') => ({
  index,
  part: 'word/document.xml',
  ordinal: index,
  text,
  numberingPrefix: '',
  kind,
  runs: [{ start: 0, end: text.length, ordinal: 0 }],
  linePrefix,
});

describe('word/locate', () => {
  const word = composeText({
    paragraphs: [para(0, '合作协议', 'title', '# '), para(1, '一、合作原则'), para(2, '甲方承诺对乙方按其缴纳税收地方留成部分的50%予以返还奖励。')],
    inferred: { 标题: '合作协议' },
    explicit: {},
    notes: [],
  });

  it('textStart points at each paragraph’s text in the composed document, after `# `', () => {
    for (const p of word.paragraphs) assert.equal(word.text.slice(p.textStart, p.textStart + p.text.length), p.text);
    assert.equal(word.text.slice(word.bodyStart, word.bodyStart + 2), '# ');
  });

  it('a span maps to its paragraph (from 1) and the flagged words', () => {
    const p = word.paragraphs[2];
    const at = p.textStart + p.text.indexOf('留成部分');
    assert.deepEqual(locate(word, { start: at, end: at + 4 }), { paragraph: 3, excerpt: '留成部分' });
    // The `# ` of the title line belongs to the title paragraph.
    assert.equal(paragraphAt(word, word.bodyStart)?.index, 0);
  });

  it('an empty span gives the paragraph’s start, clipped; front-matter spans have no paragraph', () => {
    const p = word.paragraphs[2];
    const where = locate(word, { start: p.textStart, end: p.textStart });
    assert.equal(where.paragraph, 3);
    assert.equal(where.excerpt, p.text);
    const key = word.text.indexOf('标题:');
    assert.deepEqual(locate(word, { start: key, end: key + 2 }), { paragraph: null, excerpt: '标题: 合作协议' });
    assert.deepEqual(locate(word, { start: 0, end: 3 }), { paragraph: null, excerpt: '' });
    const long = composeText({ paragraphs: [para(0, '长'.repeat(100))], inferred: {}, explicit: {}, notes: [] });
    assert.equal(locate(long, { start: long.paragraphs[0].textStart, end: long.text.length }).excerpt, '长'.repeat(40) + '…');
  });

  it('front-matter values are quoted when YAML needs it', () => {
    const odd = composeText({ paragraphs: [], inferred: {}, explicit: { 标题: 'a: b #c', 涉及事项: ['财务资金', '土地利用'], 涉外: false }, notes: [] });
    assert.equal(odd.text, '---\n标题: "a: b #c"\n涉及事项: [ 财务资金, 土地利用 ]\n涉外: false\n---\n');
  });
});
