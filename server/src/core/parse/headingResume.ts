import type { Comment } from './directives';
import type { Heading } from './document';
import { AFTER_BLOCK, FENCED, scanHeadings, Scanner, type HeadingScan } from './headingScan';
import type { NumberingState } from './inlineHeadings';
import type { LineIndex } from './lineIndex';

/**
 * The last scan of a text that differs from this one only in `old[from, from + newEnd - shift)` →
 * `text[from, newEnd)`, both scans starting at the same line `firstLine`; `shift`: characters added
 * (negative: removed), `lineShift`: lines added. `commentsMatchFrom(offset)` says whether the
 * comments that end after that (new) offset are the old ones moved.
 */
export interface Resume {
  scan: HeadingScan;
  firstLine: number;
  from: number;
  newEnd: number;
  shift: number;
  lineShift: number;
  commentsMatchFrom: (newOffset: number) => boolean;
}

/** The scan of `text` that a full `scanHeadings` gives, reading only the lines the edit touched (see `HeadingScan`). */
export function resumeFrom(text: string, lines: LineIndex, comments: Comment[], prior: Resume): HeadingScan {
  const { scan: old, from, newEnd, shift, lineShift, firstLine } = prior;
  const scanner = new Scanner(text, lines, comments);
  // The lines that end before the edit read as they did.
  const editLine = Math.max(firstLine, lines.positionAt(from).line);
  const oldLineCount = old.states.length - 1;
  if (editLine >= oldLineCount) return scanHeadings(text, lines, firstLine, comments);
  const before = (h: Heading) => h.line < editLine;
  for (const h of old.headings) if (before(h)) scanner.headings.push(h);
  else break;
  for (const h of old.plainHeadings) if (before(h)) scanner.plainHeadings.push(h);
  else break;
  if (old.titleLine >= 0 && old.titleLine < editLine) {
    scanner.title = old.title;
    scanner.titleLine = old.titleLine;
  }
  const state = old.states[editLine];
  scanner.afterBlock = (state & AFTER_BLOCK) !== 0;
  scanner.fenced = (state & FENCED) !== 0;
  let n = 0;
  while (n < old.numbering.length && old.numbering[n].line <= editLine) n++;
  for (let k = 0; k < n; k++) scanner.numberingLog.push(old.numbering[k]);
  scanner.numbering = new Map(n > 0 ? old.numbering[n - 1].state : []);
  scanner.states.set(old.states.subarray(0, editLine));
  scanner.seekComments(lines.lineStarts[editLine]);
  for (let line = editLine; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    // From the first line after the edit: where the state is the old one at that line, the rest is the old scan moved.
    if (start > newEnd && line - lineShift > firstLine && sameState(scanner, old, line - lineShift) && prior.commentsMatchFrom(start)) {
      copyRest(scanner, old, line - lineShift, shift, lineShift, oldLineCount);
      return scanner.result();
    }
    scanner.scanLine(line);
  }
  scanner.states[lines.lineCount] = (scanner.afterBlock ? AFTER_BLOCK : 0) | (scanner.fenced ? FENCED : 0);
  return scanner.result();
}

function numberingBefore(scan: HeadingScan, line: number): NumberingState | undefined {
  let low = 0;
  let high = scan.numbering.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (scan.numbering[mid].line <= line) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? scan.numbering[low - 1].state : undefined;
}

function sameNumbering(a: NumberingState, b: NumberingState | undefined): boolean {
  if (a.size !== (b?.size ?? 0)) return false;
  for (const [style, value] of a) if (b!.get(style) !== value) return false;
  return true;
}

/** Is the scanner's state before the current line the old scan's before `oldLine`? */
function sameState(scanner: Scanner, old: HeadingScan, oldLine: number): boolean {
  const state = (scanner.afterBlock ? AFTER_BLOCK : 0) | (scanner.fenced ? FENCED : 0);
  if (state !== old.states[oldLine]) return false;
  // The title is taken by the first # heading before any other heading: what decides it must match too.
  const oldTitled = old.titleLine >= 0 && old.titleLine < oldLine;
  if ((scanner.title !== null) !== oldTitled) return false;
  const oldHeadingsBefore = old.headings.length > 0 && old.headings[0].line < oldLine;
  if ((scanner.headings.length > 0) !== oldHeadingsBefore) return false;
  return sameNumbering(scanner.numbering, numberingBefore(old, oldLine));
}

function moved(h: Heading, shift: number, lineShift: number): Heading {
  // Field by field: a spread of this many fields takes V8's slow path.
  return {
    style: h.style,
    rank: h.rank,
    marker: h.marker,
    number: h.number,
    numberValue: h.numberValue,
    name: h.name,
    line: h.line + lineShift,
    inline: h.inline,
    unnumbered: h.unnumbered,
    lineSpan: { start: h.lineSpan.start + shift, end: h.lineSpan.end + shift },
    markerSpan: { start: h.markerSpan.start + shift, end: h.markerSpan.end + shift },
    nameSpan: { start: h.nameSpan.start + shift, end: h.nameSpan.end + shift },
  };
}

function copyRest(scanner: Scanner, old: HeadingScan, oldLine: number, shift: number, lineShift: number, oldLineCount: number): void {
  for (const h of old.headings) if (h.line >= oldLine) scanner.headings.push(moved(h, shift, lineShift));
  for (const h of old.plainHeadings) if (h.line >= oldLine) scanner.plainHeadings.push(moved(h, shift, lineShift));
  if (old.titleLine >= oldLine) {
    scanner.title = { text: old.title!.text, span: { start: old.title!.span.start + shift, end: old.title!.span.end + shift } };
    scanner.titleLine = old.titleLine + lineShift;
  }
  for (const entry of old.numbering) if (entry.line > oldLine) scanner.numberingLog.push({ line: entry.line + lineShift, state: entry.state });
  scanner.states.set(old.states.subarray(oldLine, oldLineCount + 1), oldLine + lineShift);
}
