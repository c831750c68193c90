import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../../server/src/core';
import { splitInlineLeadIns } from '../../../../server/src/core/parse/leadIn';
import { splitSentences, type Sentence } from '../../../../server/src/core/parse/sentences';
import type { AgreementDocument } from '../../../../server/src/core/parse';

/** The body split in one pass, cut only at headings inside a line: what the parse did before it split piece by piece. */
function onePass(doc: AgreementDocument): Array<{ text: string; start: number; end: number }> {
  const { text } = doc;
  const skip = doc.comments.map((c) => c.span);
  const out: Sentence[] = [];
  let from = doc.frontMatter.bodyStart;
  for (const heading of doc.headings) {
    if (!heading.inline || heading.lineSpan.start <= from) continue;
    splitSentences(text, from, heading.lineSpan.start, skip.filter((s) => s.end > from && s.start < heading.lineSpan.start), out);
    from = heading.lineSpan.start;
  }
  splitSentences(text, from, text.length, skip.filter((s) => s.end > from), out);
  return splitInlineLeadIns(text, out).map((s) => ({ text: s.text, start: s.span.start, end: s.span.end }));
}

const flat = (doc: AgreementDocument) => doc.sentences.map((s) => ({ text: s.text, start: s.span.start, end: s.span.end }));

/** Sections written the ways that test a cut at a heading: lines ending in ， or ： before a heading, CRLF, comments, a long heading line, items after a colon. */
function sectionText(n: number, eol: string): string {
  const long = '合作内容'.repeat(120);
  const parts = [
    `${['一', '二', '三', '四', '五', '六', '七', '八', '九'][n % 9]}、合作内容${n}`,
    `甲方负责协调项目用地，`,
    `（一）乙方承诺在本协议签订后三十个工作日内完成注册：`,
    `1. 甲方给予奖励：（1）返还；（2）补贴。`,
    `双方在以下方面开展合作`,
    n % 3 === 0 ? `<!-- 备注 ${n} -->` : `第${n + 1}条 甲方应当提供支持，乙方应当`,
    n % 5 === 0 ? `（二）${long}` : `（二）资金保障。乙方确保资金到位；`,
    `本协议一式四份，`,
  ];
  return parts.join(eol) + eol;
}

function longDocument(eol: string): string {
  let body = `---${eol}类别: 企业集团${eol}---${eol}${eol}# 合作协议${eol}${eol}`;
  for (let n = 0; body.length < 40000; n++) body += sectionText(n, eol);
  return body;
}

describe('sentences split piece by piece (from one heading line to the next)', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`gives the sentences of a one-pass split in a long document (${name}), before and after edits that the memo reads across`, () => {
      let text = longDocument(eol);
      const check = () => {
        const doc = parseDocument(text);
        assert.deepEqual(flat(doc), onePass(doc));
        return doc;
      };
      const first = check();
      assert.ok(first.headings.length > 50 && first.sentences.length > 300);
      // One character inside a sentence, a heading removed by a blank, a new heading, a comment opened: each version as a one-pass split.
      const at = text.indexOf('乙方承诺', text.length >> 1);
      for (const [start, removed, inserted] of [
        [at, 0, '合'],
        [at, 1, ''],
        [text.indexOf(`${eol}三、`, at) + eol.length, 1, '三'],
        [at, 0, `${eol}十、新增条款${eol}`],
        [at, 0, '<!-- '],
      ] as const) {
        text = text.slice(0, start) + inserted + text.slice(start + removed);
        check();
      }
    });
  }

  it('keeps the sentences of an unchanged piece after an edit in another, with their offsets moved', () => {
    const text = longDocument('\n');
    const before = parseDocument(text);
    const at = text.indexOf('甲方负责', 2000);
    const after = parseDocument(text.slice(0, at) + '合' + text.slice(at));
    const last = before.sentences[before.sentences.length - 1];
    const lastAfter = after.sentences[after.sentences.length - 1];
    assert.equal(lastAfter.text, last.text);
    assert.equal(lastAfter.span.start, last.span.start + 1);
    const edited = after.sentences.find((s) => s.span.start <= at && at < s.span.end);
    assert.ok(edited?.text.startsWith('合甲方负责'));
  });
});
