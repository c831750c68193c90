import * as assert from 'node:assert/strict';
import { parseDocument, type AgreementDocument } from '../../../../server/src/core';
import { forgetRemembered } from '../../../../server/src/core/textMemo';

/**
 * A long document parsed again after an edit takes over what the last parse read where the text is
 * as it was: line starts and the heading scan (reparse.ts), the sentence objects of the unchanged
 * pieces before the edit (sentenceChunks.ts). Every such parse is compared with one that reuses
 * nothing (the memos forgotten first): the same lines, headings, title, sections, sentences,
 * offsets and lead-ins; and the last parse's document is left as it was.
 */

/** A section with lists under lead-ins (on their own lines and inline), a heading inside a line, comments, a long line. */
function sectionText(n: number, eol: string): string {
  const numeral = ['一', '二', '三', '四', '五', '六', '七', '八', '九'][n % 9];
  return [
    `${numeral}、合作内容${n}`,
    `乙方达到下列条件的，甲方给予奖励：`,
    `（一）乙方承诺在本协议签订后三十个工作日内完成注册；`,
    ``,
    `（二）年纳税额达到一千万元，`,
    `  并且连续三年不减少；`,
    `1. 甲方给予以下支持：（1）返还；（2）补贴。`,
    n % 4 === 0 ? `<!-- 备注 ${n} -->` : `（三）其他事项。第${n + 1}条 甲方应当提供支持：（一）用地；（二）用电。`,
    n % 7 === 0 ? `（四）${'合作内容'.repeat(120)}` : `（四）资金保障。乙方确保资金到位；`,
    `双方约定如下：`,
    `1．按期支付；`,
    `2．按约履行。`,
    n % 5 === 2 ? `合作目标${eol}${eol}双方共同推进。` : `第${n + 2}条 违约责任。任何一方违约的，应当赔偿。`,
    // A heading inside a line counts only when it continues the numbering of the line-start ones before it.
    n % 6 === 1 ? `第${100 + n}条 保密。${eol}双方确认如下。第${101 + n}条 附则 本协议自签字之日起生效。` : `（六）附则。`,
    n % 11 === 3 ? `\`\`\`${eol}一、代码块里不是标题${eol}\`\`\`` : `（五）其他。`,
  ].join(eol) + eol;
}

function longDocument(eol: string): string {
  let text = `---${eol}类别: 企业集团${eol}---${eol}${eol}# 合作协议${eol}${eol}`;
  for (let n = 0; text.length < 40000; n++) text += sectionText(n, eol);
  return text;
}

/** Everything the parse says of its sentences, lead-ins by the lead-in's offsets, sections by their sentences. */
function shape(doc: AgreementDocument): string {
  const sentence = (s: AgreementDocument['sentences'][number]) => [s.text, s.span.start, s.span.end, s.leadIn ? [s.leadIn.span.start, s.leadIn.span.end, s.leadIn.text] : null, s.id !== undefined];
  return JSON.stringify({
    lineStarts: doc.lines.lineStarts,
    lineCount: doc.lines.lineCount,
    frontMatter: [doc.frontMatter.bodyStart, doc.frontMatter.data],
    title: doc.title,
    headings: doc.headings,
    plainHeadings: doc.plainHeadings,
    comments: doc.comments,
    directives: doc.directives,
    sentences: doc.sentences.map(sentence),
    preamble: doc.preamble.map((s) => s.span.start),
    sections: doc.allSections.map((s) => [s.name, s.span.start, s.sentences.map((x) => x.span.start)]),
    pieces: doc.pieces.map((p) => [p.start, p.end, p.text.length, p.id !== 0]),
  });
}

function randomEdit(text: string, next: () => number, eol: string): [number, number, string] {
  const at = Math.floor(next() * text.length);
  const kind = next();
  const removed = kind < 0.3 ? 0 : Math.floor(next() * 40);
  const inserted = kind < 0.85 ? INSERTS[Math.floor(next() * INSERTS.length)].replace(/\n/g, eol) : text.slice(at, at + removed).replace(/./, '甲');
  return [at, removed, inserted];
}

/** A small deterministic generator, so a failure names the edit that made it. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const INSERTS = ['合', '：', '。', '；', '\n', '\n\n', '\r', '（五）', '\n（一）', '\n1. ', '第九条 ', '第三条 ', '\n八、新增条款\n', '<!-- ', ' -->', '甲方给予奖励：', '\n```\n', '\n# 标题\n', '\n合作目标\n\n'];

describe('sentences of unchanged pieces reused across parses', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`gives what a parse from nothing gives after every kind of edit (${name})`, () => {
      forgetRemembered();
      let text = longDocument(eol);
      let previous = parseDocument(text);
      const next = random(eol.length * 7919);
      let reusedTotal = 0;
      // First edits of the same length that end a list or its lead-in: the pieces after them start and end where they
      // did, with the same text, and must still not be taken over (their lead-ins changed).
      const middle = text.length >> 1;
      const targeted: Array<[number, number, string]> = [
        // A fence opened, then closed again: every heading after it is gone, then back.
        [middle, 0, `${eol}\`\`\`${eol}`],
        [middle, eol.length * 2 + 3, ''],
        // A heading's number changed: headings inside later lines follow the numbering.
        [text.indexOf('第', middle), 1, '弟'],
        [text.indexOf('条 保密。', middle) - 1, 1, '0'],
        // The front matter: a key misspelt in place, then a line added (the body moves down).
        [text.indexOf('类别'), 1, '种'],
        [text.indexOf(`${eol}---`, 3) + eol.length, 0, `签署日期: 2026-01-01${eol}`],
        [text.indexOf('（二）年纳税额', middle), 1, '甲'],
        [text.indexOf('甲方给予奖励：', middle) + 6, 1, '。'],
        [text.indexOf('\n', text.indexOf('双方约定如下：', middle)) - 1, 1, '，'],
      ];
      for (let round = 0; round < 40 + targeted.length; round++) {
        const [at, removed, inserted] = round < targeted.length ? targeted[round] : randomEdit(text, next, eol);
        const changed = text.slice(0, at) + inserted + text.slice(at + removed) !== text;
        text = text.slice(0, at) + inserted + text.slice(at + removed);
        const before = shape(previous);
        const earlier = new Set(previous.sentences);
        const doc = parseDocument(text);
        const reused = doc.sentences.filter((s) => earlier.has(s));
        reusedTotal += reused.length;
        // Only sentences before an edit of the body are taken over, at the same offsets (after an edit of the front
        // matter that keeps the body where it was, every piece is as it was).
        const inBody = at >= doc.frontMatter.bodyStart;
        for (const s of reused) assert.ok(!changed || !inBody || s.span.end <= at, `round ${round}: a sentence at ${s.span.start}–${s.span.end} reused after an edit at ${at}`);
        assert.equal(shape(previous), before, `round ${round}: the last parse's document changed`);
        const kept = shape(doc);
        forgetRemembered();
        previous = parseDocument(text);
        assert.equal(kept, shape(previous), `round ${round}: an edit of ${removed} characters at ${at} to ${JSON.stringify(inserted)}`);
      }
      // The reuse was exercised: most edits leave thousands of sentences before them.
      assert.ok(reusedTotal > 40 * 100, `only ${reusedTotal} sentences reused`);
    });
  }

  it('hands out the same objects for the sentences before an edit, and new ones after it', () => {
    forgetRemembered();
    const text = longDocument('\n');
    const before = parseDocument(text);
    const at = text.indexOf('乙方达到', text.length >> 1);
    const after = parseDocument(text.slice(0, at) + '合' + text.slice(at));
    const edited = after.pieces.find((p) => p.start <= at && at < p.end)!;
    const first = after.sentences.findIndex((s) => s.span.start >= edited.start);
    assert.ok(first > 100);
    // The edited piece is split again: its sentences are new, those before the edit too.
    assert.notEqual(after.sentences[first], before.sentences[first]);
    for (let i = 0; i < first; i++) assert.equal(after.sentences[i], before.sentences[i]);
    const moved = after.sentences[after.sentences.length - 1];
    assert.notEqual(moved, before.sentences[before.sentences.length - 1]);
    assert.equal(moved.span.start, before.sentences[before.sentences.length - 1].span.start + 1);
    // A list after the edit is linked to its own lead-in, a new object too.
    const item = after.sentences.find((s) => s.span.start > at + 10 && s.leadIn !== undefined)!;
    assert.ok(item.leadIn && !before.sentences.includes(item.leadIn));
  });
});
