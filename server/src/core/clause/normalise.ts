import { continuesOnNextLine, isBlankCode } from '../parse/lineJoin';
import { T2S_PAIRS } from './t2sMap.generated';

/**
 * Text prepared for matching, never shown and never written back: traditional
 * characters read as simplified, full-width ASCII as ASCII, stray blanks between
 * Chinese characters dropped and hard line breaks inside a sentence joined. Every
 * code unit remembers where it came from, so a match maps back to the document.
 */
export interface NormalisedText {
  text: string;
  /** Original offset of normalised code unit i; length text.length + 1 (the last entry is the original length). */
  origin: Int32Array;
  /** Original offset just after the source of normalised code unit i; length text.length + 1. */
  originEnd: Int32Array;
}

let t2s: Map<number, number> | null = null;

/** The traditional → simplified character map (code point → code point). */
export function simplifiedPairs(): ReadonlyMap<number, number> {
  if (t2s === null) {
    t2s = new Map();
    const pairs = [...T2S_PAIRS];
    for (let i = 0; i + 1 < pairs.length; i += 2) t2s.set(pairs[i].codePointAt(0)!, pairs[i + 1].codePointAt(0)!);
  }
  return t2s;
}

/** Traditional → simplified for one code point (a character map: 乾 → 干, 裡 → 里); others unchanged. */
export function simplifiedCodePoint(cp: number): number {
  return (t2s ?? simplifiedPairs()).get(cp) ?? cp;
}

/** The code units foldWidth changes all lie in U+FF00–U+FFEF. */
export const WIDTH_FORMS_START = 0xff00;
export const WIDTH_FORMS_END = 0xffef;

/** Full-width ASCII (Ａ１，：（） → A1,:()), half-width CJK punctuation (｡､｢｣ → 。、「」) and ￥ ￠ ￡. */
export function foldWidth(cp: number): number {
  if (cp >= 0xff01 && cp <= 0xff5e) return cp - 0xfee0;
  switch (cp) {
    case 0xff61: return 0x3002;
    case 0xff62: return 0x300c;
    case 0xff63: return 0x300d;
    case 0xff64: return 0x3001;
    case 0xffe0: return 0xa2;
    case 0xffe1: return 0xa3;
    case 0xffe5: return 0xa5;
    default: return cp;
  }
}

/** Zero-width characters, the BOM and the soft hyphen, which pasted text carries inside words. */
const isInvisible = (c: number): boolean => c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0xad;

/** Han ideographs (BMP and supplementary), CJK punctuation and full-width forms. */
function isCjk(cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef) || cp === 0x201c || cp === 0x201d;
}

const isWordChar = (cp: number): boolean => (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);

/** End of the line starting at `start` (the offset of its line break or the text's end), looking at most `limit` units. */
function lineEndFrom(text: string, start: number, limit: number): number {
  let end = start;
  while (end < text.length && end - start < limit) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13) break;
    end++;
  }
  return end;
}

/**
 * A word or a name as matched (a heading name, a lexicon entry): traditional → simplified,
 * width folded, without blanks or invisible characters. No offsets; for short texts.
 */
export function normaliseWord(word: string): string {
  const table = bmpTable();
  // Most text needs no change, and changed text mostly keeps long runs (Chinese with full-width
  // commas): unchanged runs are copied as slices, so nothing is allocated for text that stays.
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < word.length) {
    const c = word.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < word.length) {
      // A supplementary character (or a lone high surrogate): mapped through the slow path (rare).
      const cp = word.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      const mapped = simplifiedCodePoint(cp);
      if (mapped !== cp) {
        out += word.slice(copied, i) + String.fromCodePoint(mapped);
        copied = i + width;
      }
      i += width;
      continue;
    }
    const mapped = table[c];
    // NUL maps to 0 in the table and is kept while nothing has changed yet, dropped after (as it always was).
    if (mapped !== c || (c === 0 && copied > 0)) {
      out += word.slice(copied, i);
      // 0xd800 marks a BMP character whose simplified form lies outside the BMP (㗲 → 𠵾); 0: dropped.
      if (mapped === 0xd800) out += String.fromCodePoint(simplifiedCodePoint(foldWidth(c)));
      else if (mapped !== 0) out += String.fromCharCode(mapped);
      copied = i + 1;
    }
    i++;
  }
  return copied === 0 ? word : out + word.slice(copied);
}

let table: Uint16Array | null = null;

/** Every BMP code unit → its normalised unit (0: dropped). Surrogates map to themselves. */
function bmpTable(): Uint16Array {
  if (table) return table;
  // Built from the few characters that change (the character map, the width forms, blanks) rather
  // than by looking up all 65,536 code units in the map: this runs before the first diagnostics.
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  // A BMP character mapped outside the BMP is marked with 0xd800 (never a normal result).
  for (const [from, to] of simplifiedPairs()) if (from < 0xd800 || (from > 0xdfff && from <= 0xffff)) t[from] = to > 0xffff ? 0xd800 : to;
  for (let c = WIDTH_FORMS_START; c <= WIDTH_FORMS_END; c++) {
    const mapped = simplifiedCodePoint(foldWidth(c));
    t[c] = mapped > 0xffff ? 0xd800 : mapped;
  }
  for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && (isBlankCode(c) || isInvisible(c) || c === 10 || c === 13)) t[c] = 0;
  table = t;
  return table;
}

/** Normalise `original` for matching. Linear in its length; never throws. */
export function normaliseForMatch(original: string): NormalisedText {
  const table = bmpTable();
  const n = original.length;
  // A BMP character never maps to more than two code units. Short texts (sentences) are built in
  // buffers kept between calls: a typed array of its own per sentence costs more than the work.
  const size = 2 * n + 1;
  const scratch = size <= SCRATCH_UNITS;
  if (scratch && scratchUnits === null) {
    scratchUnits = new Uint16Array(SCRATCH_UNITS);
    scratchOrigin = new Int32Array(SCRATCH_UNITS);
    scratchOriginEnd = new Int32Array(SCRATCH_UNITS);
  }
  const units = scratch ? scratchUnits! : new Uint16Array(size);
  const origin = scratch ? scratchOrigin! : new Int32Array(size);
  const originEnd = scratch ? scratchOriginEnd! : new Int32Array(size);
  let length = 0;
  const emit = (unit: number, from: number, to: number) => {
    units[length] = unit;
    origin[length] = from;
    originEnd[length] = to;
    length++;
  };
  const emitCodePoint = (cp: number, from: number, to: number) => {
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      emit(0xd800 + (v >> 10), from, to);
      emit(0xdc00 + (v & 0x3ff), to - from === 2 ? from + 1 : from, to);
    } else {
      emit(cp, from, to);
    }
  };
  let lineStart = 0;
  /** Did the line before run on into this one (this line began inside a sentence)? */
  let joined = false;
  /** The last code point written on this line (or the joined line before), before any blank. */
  let previous = -1;
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (c === 10 || c === 13) {
      const next = c === 13 && original.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      const nextEnd = lineEndFrom(original, next, 400);
      if (continuesOnNextLine(original, lineStart, i, next, nextEnd, joined)) {
        joined = true;
        // Drop the line's trailing blank, the break and the next line's indentation.
        while (length > 0 && units[length - 1] === 32 && origin[length - 1] >= lineStart) length--;
        let after = next;
        while (after < n && isBlankCode(original.charCodeAt(after))) after++;
        const following = after < n ? original.codePointAt(after)! : -1;
        if (isWordChar(previous) && isWordChar(foldWidth(following))) emit(32, i, after);
        lineStart = next;
        i = after;
        continue;
      }
      emit(10, i, next);
      lineStart = next;
      joined = false;
      previous = -1;
      i = next;
      continue;
    }
    if (isBlankCode(c)) {
      let j = i + 1;
      while (j < n && isBlankCode(original.charCodeAt(j))) j++;
      const following = j < n ? original.codePointAt(j)! : -1;
      // Stray blanks between Chinese characters (甲 方, 人民　政府) go; others become one space.
      if (!(isCjk(previous) && isCjk(following))) emit(32, i, j);
      i = j;
      continue;
    }
    if (isInvisible(c)) {
      i++;
      continue;
    }
    if (c < 0xd800 || c > 0xdfff) {
      // A BMP character through the table (blanks, invisible characters and line breaks were handled
      // above; the only 0 left is NUL, which is itself); 0xd800 marks a simplified form outside the BMP.
      const mapped = table[c];
      if (mapped === 0xd800) emitCodePoint(simplifiedCodePoint(foldWidth(c)), i, i + 1);
      else emit(mapped, i, i + 1);
      previous = c;
      i++;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    emitCodePoint(simplifiedCodePoint(foldWidth(cp)), i, i + width);
    previous = cp;
    i += width;
  }
  origin[length] = n;
  originEnd[length] = n;
  let text = '';
  for (let k = 0; k < length; k += 8192) text += String.fromCharCode(...units.subarray(k, Math.min(length, k + 8192)));
  if (length === n && mapsOneToOne(origin, originEnd, n)) return new OneToOne(text);
  // Both maps in one allocation.
  const maps = new Int32Array(2 * (length + 1));
  maps.set(origin.subarray(0, length + 1));
  maps.set(originEnd.subarray(0, length + 1), length + 1);
  return { text, origin: maps.subarray(0, length + 1), originEnd: maps.subarray(length + 1) };
}

/** Code units in the buffers shared by calls of normaliseForMatch (texts up to about 32 K units). */
const SCRATCH_UNITS = 1 << 16;
let scratchUnits: Uint16Array | null = null;
let scratchOrigin: Int32Array | null = null;
let scratchOriginEnd: Int32Array | null = null;

/** Does normalised unit i come from original unit i alone, for every i (only characters folded one for one)? */
function mapsOneToOne(origin: Int32Array, originEnd: Int32Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (origin[i] !== i || originEnd[i] !== i + 1) return false;
  return true;
}

/** A text normalised one unit for one unit (most sentences): its maps are made only when read. */
class OneToOne implements NormalisedText {
  private maps: { origin: Int32Array; originEnd: Int32Array } | null = null;

  constructor(readonly text: string) {}

  get origin(): Int32Array {
    return (this.maps ??= identityMaps(this.text.length)).origin;
  }

  get originEnd(): Int32Array {
    return (this.maps ??= identityMaps(this.text.length)).originEnd;
  }
}

function identityMaps(n: number): { origin: Int32Array; originEnd: Int32Array } {
  const maps = new Int32Array(2 * (n + 1));
  for (let i = 0; i <= n; i++) maps[i] = i;
  for (let i = 0; i < n; i++) maps[n + 1 + i] = i + 1;
  maps[2 * n + 1] = n;
  return { origin: maps.subarray(0, n + 1), originEnd: maps.subarray(n + 1) };
}

/** The original range of the normalised range `[start, end)`; clamped to the text. */
export function originalRange(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  const last = n.text.length;
  const s = Math.max(0, Math.min(last, Math.floor(start)));
  const e = Math.max(s, Math.min(last, Math.floor(end)));
  const from = n.origin[s];
  return { start: from, end: e > s ? Math.max(from, n.originEnd[e - 1]) : from };
}
