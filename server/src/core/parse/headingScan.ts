import type { Comment } from './directives';
import type { Heading, Title } from './document';
import { matchHeading, type HeadingMatch } from './headings';
import { findInlineHeadings, LONG_LINE, type NumberingState } from './inlineHeadings';
import { isBlankCode } from './lineJoin';
import type { LineIndex } from './lineIndex';
import { matchPlainHeading } from './plainHeadings';

/**
 * The line-by-line scan for headings: numbered headings (and those inside a line), the title,
 * and the short lines that may be unnumbered headings. Each line is read with what the lines
 * before it left: whether the last one ended a block, whether a code fence is open, the last
 * number of each heading style. A long text's scan is kept with that state per line, so the
 * next version's scan (see `resumeFrom` in headingResume.ts) copies the lines before the edit, reads the edited
 * ones, and copies the rest (offsets and line numbers moved) from the first line after the edit
 * where the state is again what it was.
 */
export interface HeadingScan {
  headings: Heading[];
  plainHeadings: Heading[];
  title: Title | null;
  /** Line of the title, -1 for none. */
  titleLine: number;
  /** Per line, the state before it: bit 1 the last line ended a block, bit 2 a fence is open. */
  states: Uint8Array;
  /** Numbering before each line, from the line given on (sorted by line; copied, never changed). */
  numbering: Array<{ line: number; state: NumberingState }>;
}

export const AFTER_BLOCK = 1;
export const FENCED = 2;

/** The scan in progress: its outputs and its state before the next line. */
export class Scanner {
  readonly headings: Heading[] = [];
  readonly plainHeadings: Heading[] = [];
  title: Title | null = null;
  titleLine = -1;
  afterBlock = true;
  fenced = false;
  numbering: NumberingState = new Map();
  numberingLog: Array<{ line: number; state: NumberingState }> = [];
  states: Uint8Array;
  private commentIndex = 0;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly comments: Comment[],
  ) {
    this.states = new Uint8Array(lines.lineCount + 1);
  }

  /** Position the comment cursor for a scan that starts at `offset`. */
  seekComments(offset: number): void {
    let low = 0;
    let high = this.comments.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.comments[mid].span.end <= offset) low = mid + 1;
      else high = mid;
    }
    this.commentIndex = low;
  }

  scanLine(line: number): void {
    const { text, lines, comments } = this;
    this.states[line] = (this.afterBlock ? AFTER_BLOCK : 0) | (this.fenced ? FENCED : 0);
    const start = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lines.lineStarts[line];
    const end = lines.lineContentEnd(line);
    // A long line is read through a window: a heading shows in its first characters.
    const content = text.slice(start, Math.min(end, start + LONG_LINE));
    if (/^[ \t]{0,3}(```|~~~)/.test(content)) {
      this.fenced = !this.fenced;
      return;
    }
    if (this.fenced) return;
    while (this.commentIndex < comments.length && comments[this.commentIndex].span.end <= start) this.commentIndex++;
    if (this.commentIndex < comments.length && comments[this.commentIndex].span.start <= start) return;
    const match = matchHeading(content);
    const standsAlone = this.afterBlock;
    this.afterBlock = match !== null || endsBlock(content);
    if (!match && standsAlone) {
      const plain = matchPlainHeading(content);
      if (plain) {
        const nameSpan = { start: start + plain.nameStart, end: start + plain.nameEnd };
        this.plainHeadings.push({
          style: 'markdown', rank: 0, marker: '', number: '', numberValue: null, name: plain.name,
          line, inline: false, unnumbered: true, lineSpan: { start, end }, markerSpan: { start: nameSpan.start, end: nameSpan.start }, nameSpan,
        });
        // The next line stands alone only after a blank line: two short lines in a row may be prose.
        this.afterBlock = false;
      }
    }
    const lineHeadings: Array<{ at: number; match: HeadingMatch; inline: boolean }> = [];
    let numbered = false;
    if (match) {
      if (match.style === 'markdown' && match.marker.length === 1 && this.title === null && this.headings.length === 0) {
        this.title = { text: match.name, span: { start: start + match.nameStart, end: start + match.nameEnd } };
        this.titleLine = line;
        return;
      }
      if (match.numberValue !== null) {
        this.numbering.set(match.style, match.numberValue);
        numbered = true;
      }
      lineHeadings.push({ at: start, match, inline: false });
    }
    // In a line of normal length only 第X条/章 can start a heading inside it: skip lines without 第.
    const mayHoldInline = end - start > LONG_LINE || content.indexOf('第', match ? match.markerEnd : 0) >= 0;
    if (mayHoldInline && (!match || match.style !== 'markdown')) {
      const from = match ? start + match.markerEnd : start;
      for (const found of findInlineHeadings(text, start, end, from, this.numbering)) {
        numbered = true;
        // A marker inside a comment (<!-- 第二条 … -->) is no heading.
        let c = this.commentIndex;
        while (c < comments.length && comments[c].span.end <= found.start) c++;
        if (c < comments.length && comments[c].span.start <= found.start) continue;
        lineHeadings.push({ at: found.start, match: found.match, inline: true });
      }
    }
    if (numbered) this.numberingLog.push({ line: line + 1, state: new Map(this.numbering) });
    for (let k = 0; k < lineHeadings.length; k++) {
      const { at, match: m, inline } = lineHeadings[k];
      // A heading's part of the line ends where the next heading on the line starts.
      let segmentEnd = k + 1 < lineHeadings.length ? lineHeadings[k + 1].at : end;
      while (segmentEnd > at && isBlankCode(text.charCodeAt(segmentEnd - 1))) segmentEnd--;
      const nameStart = Math.min(at + m.nameStart, segmentEnd);
      const nameEnd = Math.min(at + m.nameEnd, segmentEnd);
      this.headings.push({
        style: m.style,
        rank: m.rank,
        marker: m.marker,
        number: m.number,
        numberValue: m.numberValue,
        name: text.slice(nameStart, nameEnd),
        line,
        inline,
        unnumbered: false,
        lineSpan: { start: inline ? at : start, end: k + 1 < lineHeadings.length ? segmentEnd : end },
        markerSpan: { start: at + m.markerStart, end: at + m.markerEnd },
        nameSpan: { start: nameStart, end: nameEnd },
      });
    }
  }

  result(): HeadingScan {
    return { headings: this.headings, plainHeadings: this.plainHeadings, title: this.title, titleLine: this.titleLine, states: this.states, numbering: this.numberingLog };
  }
}

/** A blank line, or one ending in sentence punctuation (a closing quote or bracket after it included). */
function endsBlock(content: string): boolean {
  let j = content.length - 1;
  while (j >= 0 && isBlankCode(content.charCodeAt(j))) j--;
  if (j < 0) return true;
  let c = content.charCodeAt(j);
  while (j > 0 && (c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 41)) c = content.charCodeAt(--j);
  return c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 59 || c === 33 || c === 63;
}

/** Scan every line from `firstLine`. */
export function scanHeadings(text: string, lines: LineIndex, firstLine: number, comments: Comment[]): HeadingScan {
  const scanner = new Scanner(text, lines, comments);
  for (let line = Math.min(firstLine, lines.lineCount); line < lines.lineCount; line++) scanner.scanLine(line);
  scanner.states[lines.lineCount] = (scanner.afterBlock ? AFTER_BLOCK : 0) | (scanner.fenced ? FENCED : 0);
  return scanner.result();
}
