/**
 * What the clause model reads: a sentence folded like the matcher's text (simplified,
 * half-width), without blanks or line breaks, with every party mention replaced by the side
 * it stands for (Ｇ for the government side, Ｃ for the counterparty) and every run of digits
 * by one 0; then its character unigrams and bigrams. The same scan prepares the training
 * sentences and the document's, so the two can never drift apart.
 */
import { foldTable } from '../fold';
import { CUES_BY_FIRST_UNIT } from '../language';
import { GENERIC_MENTIONS } from '../../parties';

export const GOVERNMENT_SIDE = 'Ｇ';
export const COUNTERPARTY_SIDE = 'Ｃ';
/** Start and end of the sentence, so that a sentence opening with 由 differs from one holding it. */
export const START = 0x02;
export const END = 0x03;

export interface SideMention {
  text: string;
  government: boolean;
}

/** Mentions by their first folded code unit, longest first. */
interface MentionIndex {
  first: Uint8Array;
  byFirst: Map<number, Array<{ units: Uint16Array; side: number }>>;
}

/**
 * A document's mentions are its own parties' names and roles, then the generic words every
 * document shares (区里, 管委会, 公司 …): those are indexed once, and per document only its own.
 */
let shared: MentionIndex | null = null;
const ownFirst = new Uint32Array(65536);
let ownStamp = 0;
const own = new WeakMap<readonly SideMention[], Map<number, Array<{ units: Uint16Array; side: number }>>>();
let scratch = new Uint16Array(1024);

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0 || c === 0xad || c === 0xfeff || (c >= 0x200b && c <= 0x200d) || c === 0x2060;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const sideOf = (government: boolean) => (government ? GOVERNMENT_SIDE : COUNTERPARTY_SIDE).charCodeAt(0);

function sharedIndex(): MentionIndex {
  if (shared) return shared;
  const first = new Uint8Array(65536);
  const byFirst: MentionIndex['byFirst'] = new Map();
  for (const m of GENERIC_MENTIONS) {
    const units = foldedUnits(m.text);
    if (units.length < 2) continue;
    first[units[0]] = 1;
    let list = byFirst.get(units[0]);
    if (!list) byFirst.set(units[0], (list = []));
    if (!list.some((e) => sameUnits(e.units, units))) list.push({ units, side: sideOf(m.government) });
  }
  for (const list of byFirst.values()) list.sort((x, y) => y.units.length - x.units.length);
  return (shared = { first, byFirst });
}

/** The document's own mentions: those the shared index does not hold with the same side. */
function ownIndex(mentions: readonly SideMention[]): Map<number, Array<{ units: Uint16Array; side: number }>> {
  let index = own.get(mentions);
  if (index) return index;
  const generic = sharedIndex();
  index = new Map();
  for (const m of mentions) {
    const units = foldedUnits(m.text);
    if (units.length === 0) continue;
    const side = sideOf(m.government);
    if (generic.byFirst.get(units[0])?.some((e) => e.side === side && sameUnits(e.units, units))) continue;
    let list = index.get(units[0]);
    if (!list) index.set(units[0], (list = []));
    // The first of two mentions folding alike wins, as in the list's order.
    if (!list.some((e) => sameUnits(e.units, units))) list.push({ units, side });
  }
  for (const list of index.values()) list.sort((x, y) => y.units.length - x.units.length);
  own.set(mentions, index);
  return index;
}

function sameUnits(a: Uint16Array, b: Uint16Array): boolean {
  return a.length === b.length && a.every((u, i) => u === b[i]);
}

/** Each mention's folded units, kept across documents (most mentions are the same generic words). */
const foldedMentions = new Map<string, Uint16Array>();
const MAX_FOLDED_MENTIONS = 4096;

function foldedUnits(text: string): Uint16Array {
  let units = foldedMentions.get(text);
  if (units) return units;
  const fold = foldTable();
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = fold[text.charCodeAt(i)];
    if (!isBlank(c)) out.push(c);
  }
  units = Uint16Array.from(out);
  if (foldedMentions.size >= MAX_FOLDED_MENTIONS) foldedMentions.clear();
  foldedMentions.set(text, units);
  return units;
}

/**
 * The sentence's symbols, in a buffer shared between calls (valid until the next call):
 * folded code units, blanks dropped, a mention as one side symbol, a number as one 0.
 */
export function modelSymbols(sentence: string, mentions: readonly SideMention[]): { units: Uint16Array; length: number } {
  const fold = foldTable();
  const generic = sharedIndex();
  const mine = ownIndex(mentions);
  // The first units of the document's own mentions, stamped for this call (a table lookup per character, not a map's).
  if (ownStamp === 0xffffffff) {
    ownFirst.fill(0);
    ownStamp = 0;
  }
  const stamp = ++ownStamp;
  for (const c of mine.keys()) ownFirst[c] = stamp;
  if (scratch.length < sentence.length) scratch = new Uint16Array(sentence.length * 2);
  const out = scratch;
  let n = 0;
  let i = 0;
  const len = sentence.length;
  while (i < len) {
    const c = fold[sentence.charCodeAt(i)];
    if (isBlank(c)) {
      i++;
      continue;
    }
    const ownHere = ownFirst[c] === stamp ? mine.get(c) : undefined;
    if (generic.first[c] === 1 || ownHere !== undefined) {
      // The longest mention starting here; the document's own wins a tie (its side is the one it declared).
      const g = generic.first[c] === 1 ? mentionAt(sentence, i, generic.byFirst.get(c)!, fold) : null;
      const o = ownHere !== undefined ? mentionAt(sentence, i, ownHere, fold) : null;
      const matched = o && (!g || o.end >= g.end) ? o : g;
      if (matched) {
        out[n++] = matched.side;
        i = matched.end;
        continue;
      }
    }
    if (isDigit(c)) {
      // 1,200.5 is one number: digits, and a point or comma between digits.
      i++;
      while (i < len) {
        const d = fold[sentence.charCodeAt(i)];
        if (isDigit(d) || ((d === 0x2e || d === 0x2c) && i + 1 < len && isDigit(fold[sentence.charCodeAt(i + 1)]))) i++;
        else break;
      }
      out[n++] = 0x30;
      continue;
    }
    out[n++] = c;
    i++;
  }
  return { units: out, length: n };
}

/** The longest mention starting at `at` (blanks inside it allowed), with where it ends. */
function mentionAt(text: string, at: number, candidates: Array<{ units: Uint16Array; side: number }>, fold: Uint16Array): { side: number; end: number } | null {
  for (const m of candidates) {
    let i = at;
    let k = 0;
    while (k < m.units.length && i < text.length) {
      const c = fold[text.charCodeAt(i)];
      if (isBlank(c) && k > 0) {
        i++;
        continue;
      }
      if (c !== m.units[k]) break;
      k++;
      i++;
    }
    if (k === m.units.length) return { side: m.side, end: i };
  }
  return null;
}

/** The sentence as the model reads it, as text (for training and for looking at). */
export function modelText(sentence: string, mentions: readonly SideMention[]): string {
  const { units, length } = modelSymbols(sentence, mentions);
  return symbolsText(units, length);
}

/** Symbols as text. */
export function symbolsText(units: Uint16Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 4096) out += String.fromCharCode(...units.subarray(i, Math.min(length, i + 4096)));
  return out;
}

/**
 * The negation cues the features read, as one string: the training data's hash holds it, so a
 * model trained before the cues changed is known to be stale (its negated features would be
 * read differently now).
 */
export function negationCuesRead(): string {
  return [...CUES_BY_FIRST_UNIT.values()].flat().sort().join('\u0001');
}

/** The first units of the rules' negation cues, as a table. */
const CUE_START = new Uint8Array(65536);
for (const first of CUES_BY_FIRST_UNIT.keys()) CUE_START[first] = 1;
/** Where a negation's scope ends: a comma-clause or sentence break (folded, so half-width). */
const SCOPE_BREAK = new Uint8Array(65536);
for (const c of ',;:!?。；：！？，') SCOPE_BREAK[c.charCodeAt(0)] = 1;
let scratchFlags = new Uint8Array(1024);

/**
 * Which symbols stand under a negation: those after one of the rules' negation cues (不得,
 * 不予, 严禁, 不再 …), to the end of its comma-clause; null when none does (most sentences).
 * A buffer shared between calls. The model reads such a character as a feature of its own
 * instead of its plain unigram, so that 不……授予 and 授予 weigh differently and a negated
 * detail beside the topic's words is not read as the topic.
 */
export function negatedFlags(units: ArrayLike<number>, length: number): Uint8Array | null {
  let first = -1;
  for (let i = 0; i < length; i++) {
    if (CUE_START[units[i]] === 1 && cueAt(units, length, i) > 0) {
      first = i;
      break;
    }
  }
  if (first < 0) return null;
  if (scratchFlags.length < length) scratchFlags = new Uint8Array(length * 2);
  const flags = scratchFlags;
  flags.fill(0, 0, length);
  let scope = false;
  // The cue itself is not under the negation: its scope starts after it.
  let from = 0;
  for (let i = first; i < length; i++) {
    const c = units[i];
    if (SCOPE_BREAK[c] === 1) {
      scope = false;
      continue;
    }
    if (scope && i >= from) flags[i] = 1;
    if (i < from || CUE_START[c] !== 1) continue;
    const cue = cueAt(units, length, i);
    if (cue > 0) {
      scope = true;
      flags[i] = 0;
      from = i + cue;
    }
  }
  return flags;
}

/** The length of the negation cue starting at `i`, or 0. */
function cueAt(units: ArrayLike<number>, length: number, i: number): number {
  for (const cue of CUES_BY_FIRST_UNIT.get(units[i])!) {
    let k = 1;
    while (k < cue.length && i + k < length && units[i + k] === cue.charCodeAt(k)) k++;
    if (k === cue.length) return cue.length;
  }
  return 0;
}

/** The feature of a character under a negation (distinct from every unigram and bigram). */
export function negatedKey(c: number): number {
  return 65536 + c;
}

/**
 * The features of a prepared text: each unigram is its code unit, each bigram
 * 65536 + first × 65536 + second (at least 196,608: START is 2), a character under a
 * negation 65536 + its code unit instead of its unigram, with the sentence's start and end
 * as characters of their own. Repeats count.
 */
export function gramKeys(text: string): number[] {
  const keys: number[] = [];
  const units = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
  const flags = negatedFlags(units, units.length);
  let previous = START;
  for (let i = 0; i < text.length; i++) {
    const c = units[i];
    // A character under a negation is read as negated only: 不自动续期 holds no plain 续.
    keys.push(flags !== null && flags[i] === 1 ? negatedKey(c) : c, bigramKey(previous, c));
    previous = c;
  }
  keys.push(bigramKey(previous, END));
  return keys;
}

export function bigramKey(first: number, second: number): number {
  return 65536 + first * 65536 + second;
}

/** A feature key as the text the model file stores it under (readable in review: 返还, 由Ｇ). */
export function gramText(key: number): string {
  if (key < 65536) return String.fromCharCode(key);
  if (key < 131072) return String.fromCharCode(key - 65536);
  const pair = key - 65536;
  return String.fromCharCode(Math.floor(pair / 65536), pair % 65536);
}
