import type { Span } from '../types';
import { matchHeading } from './headings';
import { continuesOnNextLine, isContinuationMark } from './lineJoin';

export interface Sentence {
  /** The sentence as written; a sentence broken across lines keeps its line breaks. */
  text: string;
  span: Span;
  /**
   * For a sentence inside a list item (（一）…, 1. …, （1）…): the lead-in sentence that
   * ends in ： right before the list (“乙方达到下列条件的，甲方给予奖励：”). Every sentence
   * of every item of that list carries it; a lead-in that is itself an item carries its own.
   */
  leadIn?: Sentence;
  /**
   * In a long document, a number that names the sentence's text: the sentence of an unchanged
   * piece keeps it from version to version, and no other text ever gets it (results can be kept
   * by it). Absent when the sentence's piece is not remembered.
   */
  id?: number;
}

/** 。；！？ ; ! ? and line breaks: the terminators. */
const TERMINATOR_RE = /[\u3002\uff1b\uff01\uff1f;!?\n\r]/g;

/** Blanks trimmed around sentences: space, tab, ideographic space, no-break space. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
}

/**
 * Split `text[from, to)` into sentences on 。；！？ (and their half-width forms)
 * and line ends. The terminator belongs to its sentence; blanks around are trimmed;
 * empty pieces are dropped. `skip` spans (comments) are left out.
 * Hot path (every character of the body): char codes only, no per-character strings.
 */
export function splitSentences(text: string, from: number, to: number, skip: Span[] = [], out: Sentence[] = []): Sentence[] {
  let start = from;
  let skipIndex = 0;
  // The next skip span that can still matter; Infinity when none is left.
  let nextSkip = skip.length > 0 ? skip[0].start : Infinity;
  const push = (s: number, e: number) => {
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s) {
      const c = text.charCodeAt(e - 1);
      if (!isBlank(c) && c !== 10 && c !== 13) break;
      e--;
    }
    if (e > s) out.push({ text: text.slice(s, e), span: { start: s, end: e } });
  };
  // Jump from terminator to terminator with a native regex scan instead of a JS loop over every character.
  let i = from;
  let lineStart = from;
  while (i < to) {
    if (i >= nextSkip) {
      while (skipIndex < skip.length && skip[skipIndex].end <= i) skipIndex++;
      if (skipIndex < skip.length && skip[skipIndex].start <= i) {
        push(start, i);
        i = skip[skipIndex].end;
        start = skip[skipIndex].end;
        continue;
      }
      nextSkip = skipIndex < skip.length ? skip[skipIndex].start : Infinity;
    }
    TERMINATOR_RE.lastIndex = i;
    const t = TERMINATOR_RE.test(text) && TERMINATOR_RE.lastIndex - 1 < to ? TERMINATOR_RE.lastIndex - 1 : to;
    if (nextSkip <= t) {
      i = nextSkip;
      continue;
    }
    if (t >= to) break;
    i = t;
    const c = text.charCodeAt(i);
    const lineBreak = c === 10 || c === 13;
    if (c === 10 && i > from && text.charCodeAt(i - 1) === 13) {
      // The LF of a CRLF: the CR decided.
      if (start === i) start = i + 1;
      lineStart = i + 1;
      i++;
      continue;
    }
    if (!(lineBreak && runsOn(text, start, lineStart, i, to))) {
      push(start, lineBreak ? i : i + 1);
      start = i + 1;
    }
    if (lineBreak) lineStart = i + 1;
    i++;
  }
  push(start, to);
  return out;
}

/**
 * Does the sentence `text[start, lineBreak)` run on past its line break? A line ending
 * with ，、：（“《 does unless a blank line or a heading follows; any other line that does
 * not end in sentence punctuation does when the next line continues its text (text
 * pasted from a PDF), see `continuesOnNextLine`.
 */
function runsOn(text: string, start: number, lineStart: number, lineBreak: number, to: number): boolean {
  // Nothing pending (the line ended with 。 and the sentence was already cut): nothing to continue.
  let last = lineBreak - 1;
  while (last >= start && isBlank(text.charCodeAt(last))) last--;
  if (last < start) return false;
  if (continuesAfter(text, start, lineBreak)) return !paragraphEndsAt(text, lineBreak, to);
  let next = lineBreak + 1;
  if (text.charCodeAt(lineBreak) === 13 && text.charCodeAt(next) === 10) next++;
  let nextEnd = next;
  while (nextEnd < to && nextEnd - next < 400 && text.charCodeAt(nextEnd) !== 10 && text.charCodeAt(nextEnd) !== 13) nextEnd++;
  // A sentence that began on an earlier line is mid-sentence here.
  return continuesOnNextLine(text, lineStart, lineBreak, next, nextEnd, start < lineStart);
}

/**
 * A sentence never runs on across a blank line or into a heading line: a line that
 * ends with "：" right before "四、争议解决" does not swallow the heading (a clause
 * fix replacing the sentence would delete it).
 */
function paragraphEndsAt(text: string, lineBreak: number, to: number): boolean {
  let next = lineBreak + 1;
  if (text.charCodeAt(lineBreak) === 13 && text.charCodeAt(next) === 10) next++;
  let end = next;
  while (end < to && end - next <= 400 && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  const line = text.slice(next, end);
  if (/^[ \t\u3000]*$/.test(line) && (end >= to || end - next <= 400)) return true;
  return matchHeading(line) !== null;
}

/** Does the current sentence, up to a line break, end with a continuation mark? */
function continuesAfter(text: string, start: number, lineBreak: number): boolean {
  let j = lineBreak - 1;
  while (j >= start && (isBlank(text.charCodeAt(j)) || text.charCodeAt(j) === 13)) j--;
  return j >= start && isContinuationMark(text.charCodeAt(j));
}
