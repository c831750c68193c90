import { rememberedEpoch } from '../textMemo';
import type { Comment } from './directives';
import { resumeFrom } from './headingResume';
import { scanHeadings, type HeadingScan } from './headingScan';
import { LineIndex } from './lineIndex';

/**
 * A long text parsed again after an edit: what the last parse read line by line (line starts, the
 * heading scan) is taken over where the text is as it was. The edit is found by comparing the two
 * texts from both ends (a comparison of characters in native chunks, much cheaper than reading the
 * lines again). Any other text, a short one, or an edit of the front matter is read in full.
 */
const MIN_TEXT = 1 << 15;
const CHUNK = 4096;

interface LastParse {
  epoch: number;
  text: string;
  lines: LineIndex;
  bodyStart: number;
  firstBodyLine: number;
  comments: Comment[];
  scan: HeadingScan;
}

let last: LastParse | undefined;

/** Where `text` differs from `old`: `text[from, newEnd)` replaces `old[from, oldEnd)`. */
export interface Change {
  from: number;
  oldEnd: number;
  newEnd: number;
}

export function changeBetween(old: string, text: string): Change {
  const n = Math.min(old.length, text.length);
  let from = 0;
  while (from + CHUNK <= n && old.slice(from, from + CHUNK) === text.slice(from, from + CHUNK)) from += CHUNK;
  while (from < n && old.charCodeAt(from) === text.charCodeAt(from)) from++;
  // The common end, not reaching back into the common start.
  const most = n - from;
  let same = 0;
  while (same + CHUNK <= most && old.slice(old.length - same - CHUNK, old.length - same) === text.slice(text.length - same - CHUNK, text.length - same)) same += CHUNK;
  while (same < most && old.charCodeAt(old.length - same - 1) === text.charCodeAt(text.length - same - 1)) same++;
  return { from, oldEnd: old.length - same, newEnd: text.length - same };
}

/** The line index of `text`, from the last parse's where it applies, and where the text differs from that parse's. */
export function lineIndexFor(text: string): { lines: LineIndex; change: Change | undefined } {
  if (last === undefined || text.length < MIN_TEXT || last.epoch !== rememberedEpoch()) return { lines: new LineIndex(text), change: undefined };
  const change = changeBetween(last.text, text);
  return { lines: last.lines.edited(text, change.from, change.oldEnd, change.newEnd), change };
}

/** The heading scan of `text` (see `scanHeadings`), resumed from the last parse's where the edit allows; `change` from `lineIndexFor`. */
export function headingScanFor(text: string, lines: LineIndex, change: Change | undefined, bodyStart: number, firstBodyLine: number, comments: Comment[]): HeadingScan {
  const prior = change ? last : undefined;
  let scan: HeadingScan | undefined;
  if (prior && change && prior.bodyStart === bodyStart && prior.firstBodyLine === firstBodyLine) {
    if (change.from >= bodyStart) {
      const shift = change.newEnd - change.oldEnd;
      scan = resumeFrom(text, lines, comments, {
        scan: prior.scan,
        firstLine: firstBodyLine,
        from: change.from,
        newEnd: change.newEnd,
        shift,
        lineShift: lines.lineCount - prior.lines.lineCount,
        commentsMatchFrom: (offset) => sameCommentsAfter(comments, offset, prior.comments, offset - shift, shift),
      });
    }
  }
  scan ??= scanHeadings(text, lines, firstBodyLine, comments);
  last = text.length >= MIN_TEXT ? { epoch: rememberedEpoch(), text, lines, bodyStart, firstBodyLine, comments, scan } : undefined;
  return scan;
}

/** Are the comments that end after `offset` those of the old text that end after `oldOffset`, moved by `shift`? */
function sameCommentsAfter(comments: Comment[], offset: number, old: Comment[], oldOffset: number, shift: number): boolean {
  let i = 0;
  while (i < comments.length && comments[i].span.end <= offset) i++;
  let j = 0;
  while (j < old.length && old[j].span.end <= oldOffset) j++;
  if (comments.length - i !== old.length - j) return false;
  for (; i < comments.length; i++, j++) {
    if (comments[i].span.start !== old[j].span.start + shift || comments[i].span.end !== old[j].span.end + shift) return false;
  }
  return true;
}
