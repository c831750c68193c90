import type { Span } from '../types';
import { rememberedEpoch, TextMemo } from '../textMemo';
import { splitInlineLeadIns } from './leadIn';
import { splitSentences, type Sentence } from './sentences';

/**
 * The body's sentences, split piece by piece: from one heading line to the next. A sentence
 * never runs on into a heading line (`paragraphEndsAt`, `startsBlock` in lineJoin.ts), so the
 * sentences of `text[from, to)` cut at a heading line's start are those of the two pieces; and
 * the split of a piece, and its inline lead-ins, read nothing outside it. In a long document,
 * re-parsed after an edit, a piece whose text is unchanged takes its sentences from the memo
 * (offsets kept relative to the piece), so only the edited piece is split again; its sentence
 * texts are the same strings as in the last version, whose hashes later lookups reuse.
 */
const MEMO_MIN_TEXT = 1 << 15;
const MEMO_GENERATION_CHARS = 1 << 21;

/** A heading line longer than this is not a cut: the line predicates read 400 characters of a line. */
const CUT_MAX_LINE = 400;

interface RelativeSentence {
  text: string;
  start: number;
  end: number;
  id: number;
}

interface PieceReading {
  /** Names the piece's text: a new number for every text read, never given to another text (sentences' ids come from the same count). */
  id: number;
  sentences: RelativeSentence[];
}

let ids = 0;

const memo = new TextMemo<PieceReading>(
  (piece) => ({ id: ++ids, sentences: splitInlineLeadIns(piece, splitSentences(piece, 0, piece.length)).map((s) => ({ text: s.text, start: s.span.start, end: s.span.end, id: ++ids })) }),
  MEMO_GENERATION_CHARS,
);

/**
 * Where the pieces of the last long text parsed were, by start offset and by the distance of their
 * end from the text's end: after an edit, the pieces before it start where they did and those after
 * it end as far from the end. Such a piece is compared with the remembered text (a comparison of
 * characters, much cheaper than hashing them for the lookup) and looked up by that string, whose
 * hash is known. Any other piece, or another document's, is looked up by its text as before.
 *
 * The layout also keeps, piece by piece in order, the sentence objects the parse gave out. The run
 * of pieces at the start of the body that start and end where they did, with the same text, gives
 * the same sentences at the same offsets: the next parse hands out those very objects (see
 * `reusedSentences`) and makes new ones only from the first piece that changed on.
 */
export interface Layout {
  byStart: Map<number, string>;
  byEnd: Map<number, string>;
  /** The pieces in order: where they were, their key, and which of `sentences` are theirs. */
  pieces: PieceRecord[];
  /** Every sentence given out, in order (the parse's own array, set by `keepLayout`). */
  sentences: Sentence[];
  epoch: number;
  /** Still taking the last parse's sentence objects (no piece differed yet)? */
  reusing: boolean;
}

interface PieceRecord {
  start: number;
  end: number;
  key: string;
  /** The memo's reading of the piece; null for a piece with comments inside (split apart, not remembered). */
  reading: PieceReading | null;
  /** The comments inside. */
  skip: Span[];
  /** Index of the piece's first sentence in the parse's sentences, and one past its last. */
  first: number;
  last: number;
  /** Are those the last parse's sentence objects? */
  reused: boolean;
}

let lastLayout: Layout = newLayout();

/** A new layout for a text being parsed; `keepLayout` makes it the one the next parse compares with. */
export function newLayout(): Layout {
  return { byStart: new Map(), byEnd: new Map(), pieces: [], sentences: [], epoch: rememberedEpoch(), reusing: true };
}

/** `sentences`: the parse's sentences, in order, as the layout's pieces gave them out. */
export function keepLayout(layout: Layout, sentences: Sentence[]): void {
  if (layout.pieces.length === 0) return;
  layout.sentences = sentences;
  lastLayout = layout;
}

/**
 * How many sentences at the start of `sentences` are the last parse's own objects (see `Layout`).
 * Such a sentence's lead-in was set when it was made and still holds: a sentence's lead-in is
 * decided by the lines up to its own, and the reused run ends at the start of a line (a run that
 * would end inside a line, at a heading inside it, gives that line's sentences up; see
 * `pieceSentences`), before which the text is as it was.
 */
export function reusedSentences(layout: Layout): number {
  let count = 0;
  for (const piece of layout.pieces) {
    if (!piece.reused) break;
    count = piece.last;
  }
  return count;
}

function rememberedPiece(text: string, from: number, to: number): string | undefined {
  const length = to - from;
  const before = lastLayout.byStart.get(from);
  if (before !== undefined && before.length === length && text.slice(from, to) === before) return before;
  const after = lastLayout.byEnd.get(text.length - to);
  if (after !== undefined && after.length === length && text.slice(from, to) === after) return after;
  return undefined;
}

/** Can the body be cut at the start of this heading's line (a line of its own, not too long, outside comments)? */
export function isSentenceCut(lineStart: number, lineContentEnd: number): boolean {
  return lineContentEnd - lineStart <= CUT_MAX_LINE;
}

/**
 * The sentences of `text[from, to)` (inline lead-ins split), appended to `out`; `skip`: the comments
 * inside. Returns the piece's text and id: in a long document the same string and the same id for
 * the same text as long as it is remembered (see `TextMemo.entry`); 0 names no text.
 */
export function pieceSentences(text: string, from: number, to: number, skip: Span[], out: Sentence[], layout?: Layout): { text: string; id: number } {
  if (text.length < MEMO_MIN_TEXT || to <= from) {
    for (const s of splitInlineLeadIns(text, splitSentences(text, from, to, skip))) out.push(s);
    return { text: text.slice(from, to), id: 0 };
  }
  if (skip.length > 0) {
    // Comments inside: split here, not remembered; the sentences are the last parse's when the piece and its comments are.
    const pieceText = text.slice(from, to);
    const record: PieceRecord = { start: from, end: to, key: pieceText, reading: null, skip, first: out.length, last: out.length, reused: false };
    const earlier = layout ? reusable(layout) : undefined;
    if (earlier && earlier.reading === null && earlier.start === from && earlier.end === to && sameSpans(earlier.skip, skip) && earlier.key === pieceText) {
      takeOver(earlier, out, record);
    } else {
      if (layout) stopReusing(text, out, layout);
      for (const s of splitInlineLeadIns(text, splitSentences(text, from, to, skip))) out.push(s);
    }
    record.last = out.length;
    layout?.pieces.push(record);
    return { text: pieceText, id: 0 };
  }
  const { key, value } = memo.entry(rememberedPiece(text, from, to) ?? text.slice(from, to));
  if (!layout) {
    pushSentences(value, from, out);
    return { text: key, id: value.id };
  }
  layout.byStart.set(from, key);
  layout.byEnd.set(text.length - to, key);
  const record: PieceRecord = { start: from, end: to, key, reading: value, skip, first: out.length, last: out.length, reused: false };
  const earlier = reusable(layout);
  if (earlier && earlier.start === from && earlier.end === to && earlier.key === key && earlier.reading === value) {
    takeOver(earlier, out, record);
  } else {
    stopReusing(text, out, layout);
    pushSentences(value, from, out);
  }
  record.last = out.length;
  layout.pieces.push(record);
  return { text: key, id: value.id };
}

/** The last parse's piece in this piece's place, while no piece before this one differed. */
function reusable(layout: Layout): PieceRecord | undefined {
  return layout.reusing && lastLayout.epoch === layout.epoch ? lastLayout.pieces[layout.pieces.length] : undefined;
}

function takeOver(earlier: PieceRecord, out: Sentence[], record: PieceRecord): void {
  for (let i = earlier.first; i < earlier.last; i++) out.push(lastLayout.sentences[i]);
  record.reused = true;
}

function sameSpans(a: Span[], b: Span[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].end !== b[i].end) return false;
  return true;
}

function pushSentences(reading: PieceReading, from: number, out: Sentence[]): void {
  for (const s of reading.sentences) out.push({ text: s.text, span: { start: from + s.start, end: from + s.end }, id: s.id });
}

/**
 * The first piece that differs from the last parse's: no later sentence is taken over. When the
 * reused run would end inside a line (the next piece starts at a heading inside the line), the
 * pieces of that line get new sentence objects, as their lead-ins may read the rest of the line.
 */
function stopReusing(text: string, out: Sentence[], layout: Layout): void {
  if (!layout.reusing) return;
  layout.reusing = false;
  for (let k = layout.pieces.length - 1; k >= 0; k--) {
    const piece = layout.pieces[k];
    const c = text.charCodeAt(piece.end - 1);
    if (!piece.reused || c === 10 || c === 13) return;
    piece.reused = false;
    const fresh = piece.reading
      ? piece.reading.sentences.map((s): Sentence => ({ text: s.text, span: { start: piece.start + s.start, end: piece.start + s.end }, id: s.id }))
      : splitInlineLeadIns(text, splitSentences(text, piece.start, piece.end, piece.skip));
    for (let i = 0; i < fresh.length; i++) out[piece.first + i] = fresh[i];
  }
}
