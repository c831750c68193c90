/**
 * Never lose text: over many documents, every edit of every
 * fix (and of fix-all) leaves the text outside its range byte-identical, touches
 * only what its kind may touch, keeps the document's line breaks, never splits a
 * CRLF or a surrogate pair, and re-running fix-all changes nothing.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText, parseDocument, type Finding, type Fix, type RuleSet } from '../../../server/src/core';
import { fixAll } from '../../../server/src/core/fixes/fixAll';
import { matchHeading } from '../../../server/src/core/parse/headings';
import { baseDocuments, mutationArb, applyMutation, type Mutation } from '../../fuzz/mutations';
import { assertFixApplies } from './check';
import { builtinRules, CLEAN, MESSY, testRules } from './testPack';
import { fixesOf } from '../../../server/src/core/fixes/onDemand';

const MARKER = /^(第[一二三四五六七八九十百零〇两\d]+[章条]|[一二三四五六七八九十百零〇两]+、|\d+[．、.]|[（(][一二三四五六七八九十百零〇两\d]+[）)]|#{1,6})$/;

/** Lines without blanks and with any heading marker removed: what renumbering may not change. */
function contentLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const m = matchHeading(line);
      // Heading numbers and front-matter key spellings (类型 → 类别) may change; the words may not.
      return (m ? line.slice(0, m.markerStart) + line.slice(m.markerEnd) : line).replace(/^[\p{Script=Han}]{2,8}(?=[ \t]*[:：])/u, '键').replace(/[ \t\u3000]/g, '');
    })
    .filter((line) => line.length > 0);
}

function isSubsequence(small: string[], big: string[]): boolean {
  let j = 0;
  for (const item of big) if (j < small.length && item === small[j]) j++;
  return j === small.length;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** An offset that falls inside a CRLF or a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before === 13 && after === 10) || (isHigh(before) && isLow(after));
}

type Eol = '\n' | '\r\n' | '\r';
function uniformEol(text: string): Eol | null {
  const breaks = new Set(text.match(/\r\n|\r|\n/g) ?? []);
  return breaks.size === 1 ? ([...breaks][0] as Eol) : null;
}
const breaksOf = (s: string) => s.match(/\r\n|\r|\n/g) ?? [];

/**
 * KNOWN BUG (pending test below): the element quick fix on an empty section inserts
 * "<eol>line" at the start of the next line, gluing itself to it. Tolerated in the
 * property tests only, and only in exactly that shape, until elements.ts is fixed;
 * fix-all never applies it (keepsExistingLines). Remove this when the pending test passes.
 */
function knownElementGlue(text: string, fix: Fix): boolean {
  return (
    fix.title.startsWith('补充') &&
    fix.edits.length === 1 &&
    fix.edits[0].start === fix.edits[0].end &&
    /^[\r\n]/.test(fix.edits[0].newText) &&
    /[\r\n]/.test(text[fix.edits[0].start - 1] ?? '\n') &&
    !/[\r\n]/.test(text[fix.edits[0].start] ?? '\n')
  );
}

/** A misspelt front-matter key replaced by a known one (类型 → 类别): the value stays. */
function isKeyRename(text: string, edit: { start: number; end: number; newText: string }): boolean {
  return /^[\p{Script=Han}]{2,8}$/u.test(text.slice(edit.start, edit.end)) && /^[\p{Script=Han}]{2,8}$/u.test(edit.newText) && /^[ \t]*[:：]/.test(text.slice(edit.end)) && /(^|[\r\n])$/.test(text.slice(0, edit.start));
}

/** The checks for one fix of one finding. */
function checkFix(text: string, finding: Finding, fix: Fix, tolerateKnownBugs = true): void {
  const where = `${finding.rule} / "${fix.title}"`;
  const fixed = assertFixApplies(text, fix, where);
  const eol = uniformEol(text);
  const docEol = parseDocument(text).eol;
  for (const edit of fix.edits) {
    assert.ok(!splitsPair(text, edit.start) && !splitsPair(text, edit.end), `${where}: an edit boundary splits a CRLF or a surrogate pair`);
    for (const br of breaksOf(edit.newText)) assert.equal(br, docEol, `${where}: inserts ${JSON.stringify(br)} into a document using ${JSON.stringify(docEol)}`);
    const removed = text.slice(edit.start, edit.end);
    if (fix.kind === 'rewrite') {
      // A compliant rewording replaces one whole sentence that holds the finding, keeps its list marker, and adds no line.
      const sentence = parseDocument(text).sentences.find((s) => s.span.start === edit.start && s.span.end === edit.end);
      assert.ok(sentence, `${where}: a rewording replaces ${JSON.stringify(removed)}, not one whole sentence`);
      assert.ok(edit.start <= finding.span.start && finding.span.end <= edit.end, `${where}: the rewording does not cover the finding`);
      const marker = /^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[．.、]|[一二三四五六七八九十]+、)/.exec(removed)?.[0] ?? '';
      assert.ok(edit.newText.startsWith(marker), `${where}: the rewording drops the marker ${marker}`);
      assert.equal(breaksOf(edit.newText).length, 0, `${where}: the rewording adds a line`);
      continue;
    }
    if (fix.kind === 'move' || fix.title.includes('移到')) {
      // A move keeps every line (numbering aside), only elsewhere.
      assert.deepEqual(contentLines(fixed).sort(), contentLines(text).sort(), `${where}: the move loses or adds text`);
      continue;
    }
    if (fix.safe) {
      // Safe fixes (fix-all, --fix, save) only insert, or swap one heading marker for another.
      if (removed.length > 0 && isKeyRename(text, edit)) continue;
      if (removed.length > 0) {
        assert.match(removed, MARKER, `${where}: a safe fix removes ${JSON.stringify(removed)}`);
        assert.match(edit.newText, MARKER, `${where}: a safe fix writes ${JSON.stringify(edit.newText)} over a marker`);
      }
    } else if (fix.title.startsWith('删除')) {
      // Deleting a sentence removes at most its lines and the last line's break, and covers the finding.
      const sentence = parseDocument(text).sentences.find((s) => s.span.start >= edit.start && s.span.end <= edit.end && s.span.start <= finding.span.start && finding.span.end <= s.span.end);
      const inner = removed.replace(/\r\n$|\r$|\n$/, '');
      const innerBreaks = sentence ? breaksOf(text.slice(sentence.span.start, sentence.span.end)).length : 0;
      assert.ok(breaksOf(inner).length <= innerBreaks && !/\n[ \t\u3000]*\r?\n|\r[ \t\u3000]*\r/.test(removed), `${where}: deletes more than the sentence's lines: ${JSON.stringify(removed)}`);
      assert.ok(edit.start <= finding.span.start && finding.span.end <= edit.end, `${where}: the deleted range does not cover the finding`);
    } else if (fix.title.startsWith('改为') || fix.title.startsWith('在文件头中添加')) {
      // A sentence broken across lines (text pasted from a PDF) is replaced whole; nothing else spans lines.
      const wholeSentence = parseDocument(text).sentences.some((s) => s.span.start === edit.start && s.span.end === edit.end);
      if (!wholeSentence) assert.equal(breaksOf(removed).length, 0, `${where}: a replacement spans lines: ${JSON.stringify(removed)}`);
      assert.ok(!/\n[ \t\u3000]*\r?\n|\r[ \t\u3000]*\r/.test(removed), `${where}: a replacement spans a blank line: ${JSON.stringify(removed)}`);
    } else if (fix.title.includes('移到')) {
      // A move keeps every line (numbering aside), only elsewhere.
      assert.deepEqual(contentLines(fixed).sort(), contentLines(text).sort(), `${where}: the move loses or adds text`);
    }
  }
  if (fix.safe && !fix.kind && !(tolerateKnownBugs && knownElementGlue(text, fix)) && !fix.edits.every((e) => isKeyRename(text, e))) {
    assert.ok(isSubsequence(contentLines(text), contentLines(fixed)), `${where}: a safe fix changed or dropped an existing line`);
  }
  if (eol) {
    const others = breaksOf(fixed).filter((br) => br !== eol);
    assert.deepEqual(others, [], `${where}: the fixed text mixes line breaks into a ${JSON.stringify(eol)} document`);
  }
  if (text.charCodeAt(0) === 0xfeff) assert.equal(fixed.charCodeAt(0), 0xfeff, `${where}: the BOM is lost`);
}

function checkDocument(text: string, rules: RuleSet): void {
  const findings = analyzeText(text, rules);
  for (const finding of findings) for (const fix of fixesOf(finding)) checkFix(text, finding, fix);
  // Fix-all: keeps every original line (numbering aside) in order, keeps line breaks and the BOM, and is idempotent.
  const first = fixAll(text, rules);
  // Lines holding a sentence that a safe compliant rewording replaces change on purpose; every other line stays.
  const rewrites = findings.flatMap((f) => fixesOf(f)).filter((x) => x.kind === 'rewrite' && x.safe).flatMap((x) => x.edits);
  const doc = parseDocument(text);
  const rewrittenLines = new Set(rewrites.flatMap((e) => contentLines(text.slice(doc.lines.lineStarts[doc.lines.positionAt(e.start).line], doc.lines.lineContentEnd(doc.lines.positionAt(e.end).line)))));
  const kept = contentLines(text).filter((line) => !rewrittenLines.has(line));
  // Sections moved to their place keep their lines, in another order.
  const moves = findings.some((f) => fixesOf(f).some((x) => x.safe && x.kind === 'move'));
  if (moves) assert.ok(isSubsequence([...kept].sort(), [...contentLines(first.text)].sort()), 'fix-all lost text');
  else assert.ok(isSubsequence(kept, contentLines(first.text)), 'fix-all lost or reordered text');
  const eol = uniformEol(text);
  if (eol) assert.deepEqual(breaksOf(first.text).filter((br) => br !== eol), [], `fix-all mixed line breaks into a ${JSON.stringify(eol)} document`);
  if (text.charCodeAt(0) === 0xfeff) assert.equal(first.text.charCodeAt(0), 0xfeff, 'fix-all lost the BOM');
  const second = fixAll(first.text, rules);
  assert.equal(second.applied, 0, `fix-all is not a no-op the second time: ${second.applied} more fixes`);
  assert.equal(second.text, first.text);
}

/** Milder mutations than the fuzz: documents stay agreements, so the fixes have work to do. */
const mildMutation = mutationArb.filter((m: Mutation) => m.kind !== 'splice' || m.text.length <= 2);

describe('robustness: never lose text', function () {
  this.timeout(60000);

  it('the messy agreement, in LF, CRLF and CR, with and without a BOM: every fix and fix-all keep the text', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      for (const bom of ['', '\uFEFF']) {
        const text = bom + MESSY.replace(/\n/g, eol);
        const findings = analyzeText(text, testRules());
        assert.ok(findings.filter((f) => fixesOf(f).length > 0).length >= 5, `fixes to check: ${findings.map((f) => f.rule).join()}`);
        checkDocument(text, testRules());
      }
    }
  });

  it('fix-all turns the messy agreement into one with no safe fix left', () => {
    const { text } = fixAll(MESSY, testRules());
    const left = analyzeText(text, testRules()).filter((f) => fixesOf(f).some((x) => x.safe));
    assert.deepEqual(left.map((f) => f.rule), []);
    assert.ok(text.includes('二、合作原则') || text.includes('合作原则'), text);
  });

  it('property: over many mutated agreements (all line-ending styles), with the test pack and the built-in packs', () => {
    const bases = baseDocuments();
    const eols = ['\n', '\r\n', '\r'] as const;
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        fc.array(mildMutation, { maxLength: 4 }),
        fc.constantFrom(...eols),
        fc.boolean(),
        (base, mutations, eol, builtin) => {
          const text = mutations.reduce(applyMutation, bases[base]).replace(/\r\n|\r|\n/g, eol);
          checkDocument(text, builtin ? builtinRules() : testRules());
        },
      ),
      { seed: 7, numRuns: 120 },
    );
  });

  // An element inserted into an empty section followed by another heading must stay on its own line
  // (it once glued itself to the next heading's line: "实施主体：……三、重点项目").
  const EMPTY_SECTION = CLEAN.replace('三、重点项目\n', '三、重点项目\n三、重点项目\n');
  it('the element quick fix on an empty section never glues itself to the next heading', () => {
    for (const finding of analyzeText(EMPTY_SECTION, testRules())) for (const fix of fixesOf(finding)) checkFix(EMPTY_SECTION, finding, fix, false);
  });

  it('fix-all never applies a safe fix that would change an existing line', () => {
    const { text } = fixAll(EMPTY_SECTION, testRules());
    assert.ok(isSubsequence(contentLines(EMPTY_SECTION), contentLines(text)));
    assert.equal(fixAll(text, testRules()).applied, 0);
  });

  it('a clause fix never reaches past a blank line into the next heading (a line ending in "：" continues only into prose)', () => {
    const text = CLEAN.replace('双方依法承担责任。乙方向甲方提供履约担保。', '甲方为乙方融资提供担保，具体如下：\n\n六、附则');
    const guarantee = analyzeText(text, testRules()).find((f) => f.rule === 'clause/government-guarantee');
    assert.ok(guarantee);
    for (const fix of fixesOf(guarantee)) {
      const fixed = assertFixApplies(text, fix);
      assert.ok(fixed.includes('\n六、附则'), `"${fix.title}" removed the heading`);
    }
    const prose = parseDocument('一、合作内容\n甲方负责：\n协调用地。\n').sentences.map((s) => s.text);
    assert.deepEqual(prose, ['一、合作内容', '甲方负责：\n协调用地。']);
  });

  it('CLEAN stays untouched by fix-all', () => {
    for (const text of [CLEAN, CLEAN.replace(/\n/g, '\r\n')]) {
      const result = fixAll(text, testRules());
      assert.equal(result.applied, 0);
      assert.equal(result.text, text);
    }
  });
});
