import type { Span } from '../types';
import { TextMemo } from '../textMemo';
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
 */
export interface Layout {
  byStart: Map<number, string>;
  byEnd: Map<number, string>;
}

let lastLayout: Layout = { byStart: new Map(), byEnd: new Map() };

/** A new layout for a text being parsed; `keepLayout` makes it the one the next parse compares with. */
export function newLayout(): Layout {
  return { byStart: new Map(), byEnd: new Map() };
}

export function keepLayout(layout: Layout): void {
  if (layout.byStart.size > 0) lastLayout = layout;
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
  if (text.length < MEMO_MIN_TEXT || skip.length > 0 || to <= from) {
    for (const s of splitInlineLeadIns(text, splitSentences(text, from, to, skip))) out.push(s);
    return { text: text.slice(from, to), id: 0 };
  }
  const { key, value } = memo.entry(rememberedPiece(text, from, to) ?? text.slice(from, to));
  if (layout) {
    layout.byStart.set(from, key);
    layout.byEnd.set(text.length - to, key);
  }
  for (const s of value.sentences) out.push({ text: s.text, span: { start: from + s.start, end: from + s.end }, id: s.id });
  return { text: key, id: value.id };
}
