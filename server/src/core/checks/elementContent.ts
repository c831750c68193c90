import type { ElementRule } from '../pack/types';
import type { Piece, Section } from '../parse';
import { normaliseWord } from '../clause/normalise';
import { withoutPlaceholders, writtenWordsUntil } from '../placeholders';
import { TextMemo } from '../textMemo';
import { wordsOnly } from '../wordsOnly';

/**
 * The words of a section that can show its elements. Left out: placeholders and the labels
 * they leave (`资金保障：……`), the pack's writing instructions left as inserted (明确政策保障、
 * 人员保障、资金保障等措施。), and empty clauses: a line that is only an element's name,
 * perhaps with a word that says nothing (`（三）资金保障。`, `资金来源：待定`), unless it heads
 * an item whose own lines are written.
 */
export function contentText(text: string, unit: Section, elements: ElementRule[], skeleton: Set<string>, pieces: Piece[] = []): string {
  if (text.length < MEMO_MIN_TEXT) return computeContentText(text, unit, elements, skeleton);
  return rememberedContentText(text, unit, elements, skeleton, pieces);
}

/**
 * The ids of the pieces that make up `text[from, to)` exactly (see `Piece.id`), or null when the
 * region does not start and end at pieces or a piece in it is not remembered.
 */
function pieceIds(pieces: Piece[], from: number, to: number): string | null {
  let low = 0;
  let high = pieces.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (pieces[mid].start < from) low = mid + 1;
    else high = mid;
  }
  if (pieces.length === 0 || pieces[low].start !== from) return null;
  let ids = '';
  for (let i = low; i < pieces.length && pieces[i].start < to; i++) {
    if (pieces[i].id === 0 || pieces[i].end > to) return null;
    ids += `${pieces[i].id},`;
    if (pieces[i].end === to) return ids;
  }
  return null;
}

/**
 * In a long document, re-analysed after an edit, a section's content is read again only when
 * the section changed. contentText is pure in the text from the section's first heading line
 * to its end (and its headings' spans within it), the element names and the skeleton lines:
 * all of them are the key, with offsets relative to the section, so the same section moved
 * by an edit above it is found again. Two generations bound the memory; keys are flat copies.
 */
const MEMO_MIN_TEXT = 1 << 15;
const MEMO_GENERATION_CHARS = 1 << 20;

const memos = new WeakMap<Set<string>, TextMemo<string>>();

/** A unit's region (its heading line to the end of its last descendant) and its heading layout, relative to the region. */
function regionOf(unit: Section): { from: number; to: number; shape: number[] } {
  const offsets: number[] = [];
  const collect = (section: Section) => {
    const { heading } = section;
    offsets.push(section.span.start, section.span.end, section.bodySpan.start, section.bodySpan.end, heading.lineSpan.start, heading.lineSpan.end, heading.nameSpan.start, heading.nameSpan.end, section.children.length);
    section.children.forEach(collect);
  };
  collect(unit);
  let from = unit.heading.lineSpan.start;
  let to = unit.span.end;
  // Child counts are not offsets: every ninth value.
  offsets.forEach((v, i) => {
    if (i % 9 === 8) return;
    from = Math.min(from, v);
    to = Math.max(to, v);
  });
  for (let i = 0; i < offsets.length; i++) if (i % 9 !== 8) offsets[i] -= from;
  return { from: Math.max(0, from), to, shape: offsets };
}

/** Are two heading layouts (see `regionOf`) the same? */
export function sameShape(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What names a unit's text, layout and element list in a long document: the ids of the pieces
 * its region is made of, the element names, and its heading layout (nine numbers per heading);
 * null when the region is not made of remembered pieces. Everything the element check reads of a
 * unit is in it. The layout stays numbers, compared with `sameShape`: as one string, a unit with
 * hundreds of items had a key of 20,000 characters built, hashed and compared at every analysis.
 */
export function unitKey(unit: Section, elements: ElementRule[], pieces: Piece[]): { pieces: string; labels: string; shape: number[]; from: number } | null {
  const { from, to, shape } = regionOf(unit);
  const ids = pieceIds(pieces, from, to);
  return ids === null ? null : { pieces: ids, labels: labelKeyOf(elements), shape, from };
}

function rememberedContentText(text: string, unit: Section, elements: ElementRule[], skeleton: Set<string>, pieces: Piece[]): string {
  const { from, to, shape } = regionOf(unit);
  // The pieces' ids name the region's text in a few characters; else the text itself is the key.
  const ids = pieceIds(pieces, from, to);
  const region = ids === null ? text.slice(from, to) : '';
  if (region.length > MEMO_GENERATION_CHARS) return computeContentText(text, unit, elements, skeleton);
  let memo = memos.get(skeleton);
  if (!memo) memos.set(skeleton, (memo = new TextMemo<string>(() => '', MEMO_GENERATION_CHARS)));
  // (' ' + s).slice(1) is a flat copy: the content (a slice of the text when a section has one
  // line) must not pin the document version it was read from; TextMemo copies the key.
  return memo.get(`${labelKeyOf(elements)}\u0000${shape.join(',')}\u0000${ids ?? ''}\u0000${region}`, () => (' ' + computeContentText(text, unit, elements, skeleton)).slice(1));
}

function computeContentText(text: string, unit: Section, elements: ElementRule[], skeleton: Set<string>): string {
  const start = unit.heading.nameSpan.start;
  const end = unit.span.end;
  const headed = writtenHeadings(text, unit);
  const names = labelNames(elements);
  const kept: string[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end && m[0].length > 0; m = re.exec(text)) {
    const line = text.slice(m.index, Math.min(m.index + m[0].length, end));
    const trimmed = line.trim();
    if (skeleton.has(trimmed)) continue;
    const lineStart = m.index === start ? unit.heading.lineSpan.start : m.index;
    if (isEmptyClause(withoutPlaceholders(trimmed), names) && !headed.has(lineStart)) continue;
    kept.push(line);
  }
  return withoutPlaceholders(kept.join(''));
}

/** Line starts of `unit`'s heading and the headings under it whose item says something besides its heading. */
function writtenHeadings(text: string, unit: Section): Set<number> {
  const out = new Set<number>();
  const visit = (section: Section) => {
    const own = text.slice(section.heading.nameSpan.end, section.heading.lineSpan.end) + text.slice(section.bodySpan.start, section.bodySpan.end);
    if (!SAYS_NOTHING.test(writtenWordsUntil(own, saysSomething))) out.add(section.heading.lineSpan.start);
    section.children.forEach(visit);
  };
  visit(unit);
  return out;
}

/** A label in matching form, and the same without blanks, punctuation and symbols (what a line is compared with). */
interface LabelName {
  name: string;
  bare: string;
}

/** Labels by the element names they come from (the filtered element lists are new arrays each analysis). */
const cache = new Map<string, LabelName[]>();
const CACHE_SIZE = 512;

/** Element names and synonyms in matching form, longest first (资金保障措施 before 资金保障). */
function labelKey(elements: ElementRule[]): string {
  return JSON.stringify(elements.map((e) => [e.name, ...(e.synonyms ?? [])]));
}

/** The same element list is read for every section of a match: its key once. */
const keyByList = new WeakMap<ElementRule[], string>();

function labelKeyOf(elements: ElementRule[]): string {
  let key = keyByList.get(elements);
  if (key === undefined) keyByList.set(elements, (key = labelKey(elements)));
  return key;
}

/** The same element list is read for every section of a match: its labels by the list itself too. */
const byList = new WeakMap<ElementRule[], LabelName[]>();

function labelNames(elements: ElementRule[]): LabelName[] {
  const known = byList.get(elements);
  if (known) return known;
  const names = labelNamesByKey(elements);
  byList.set(elements, names);
  return names;
}

function labelNamesByKey(elements: ElementRule[]): LabelName[] {
  const key = labelKey(elements);
  let names = cache.get(key);
  if (!names) {
    const words = [...new Set(elements.flatMap((e) => [e.name, ...(e.synonyms ?? [])]).map(normaliseWord))].sort((a, b) => b.length - a.length);
    names = words.map((name) => ({ name, bare: wordsOnly(name) }));
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(key, names);
  }
  return names;
}

/** Words that, after a label, say nothing yet. */
const SAYS_NOTHING = /^(?:具体(?:事项|内容|办法)?)?由?(?:甲乙)?(?:双方)?(?:协商)?(?:无|暂无|待定|待补充|待明确|另行(?:商定|约定|协商|研究|确定)|另议|略|详见后续约定)?$/;
/**
 * Every character a text SAYS_NOTHING accepts can hold: the Han characters of its source, which is
 * checked to be only literals, `(?:…)` groups, `?` and `|` inside groups between `^` and `$`
 * (an edit of the pattern that breaks this leaves the set null and the shortcut unused).
 */
const SAYS_NOTHING_CHARS = literalAlphabet(SAYS_NOTHING);

function literalAlphabet(re: RegExp): Set<number> | null {
  const source = re.source;
  if (re.flags !== '' || !source.startsWith('^') || !source.endsWith('$')) return null;
  const chars = new Set<number>();
  let depth = 0;
  for (let i = 1; i < source.length - 1; i++) {
    const c = source[i];
    if (c === '(') {
      if (!source.startsWith('(?:', i)) return null;
      depth++;
      i += 2;
    } else if (c === ')') {
      if (--depth < 0) return null;
    } else if (c === '|') {
      if (depth === 0) return null;
    } else if (c !== '?') {
      const code = source.charCodeAt(i);
      if (code < 0x4e00 || code > 0x9fff) return null;
      chars.add(code);
    }
  }
  return depth === 0 ? chars : null;
}

/** Words with a character SAYS_NOTHING never accepts: the passage says something, whatever follows. */
function saysSomething(words: string): boolean {
  if (SAYS_NOTHING_CHARS === null) return false;
  for (let i = 0; i < words.length; i++) if (!SAYS_NOTHING_CHARS.has(words.charCodeAt(i))) return true;
  return false;
}

const MARKER = /^(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+、|\d+[．.、]|第[一二三四五六七八九十百\d]+[章条节]|#+)/;

/** First code units of the labels' bare forms; null when a label has none (every line may start with it). */
const firstUnitsOf = new WeakMap<LabelName[], Set<number> | null>();

/**
 * Can the line's words start with a label? Normalising and dropping punctuation go character by
 * character, so the words of the line's first few units are the start of the line's words: when
 * those are not empty and no label starts with their first unit, no label starts the line.
 */
function mayStartWithLabel(line: string, names: LabelName[]): boolean {
  let firsts = firstUnitsOf.get(names);
  if (firsts === undefined) {
    firsts = names.some((n) => n.bare.length === 0) ? null : new Set(names.map((n) => n.bare.charCodeAt(0)));
    firstUnitsOf.set(names, firsts);
  }
  if (firsts === null) return true;
  let cut = Math.min(line.length, 8);
  // Never between the two halves of a surrogate pair.
  const last = line.charCodeAt(cut - 1);
  if (cut < line.length && last >= 0xd800 && last <= 0xdbff) cut++;
  const head = wordsOnly(normaliseWord(line.slice(0, cut)));
  return head.length === 0 || firsts.has(head.charCodeAt(0));
}

/** Is the line only an element's name (after its numbering), with nothing or an empty word after it? */
function isEmptyClause(line: string, names: LabelName[]): boolean {
  const unmarked = line.replace(MARKER, '');
  if (!mayStartWithLabel(unmarked, names)) return false;
  const bare = wordsOnly(normaliseWord(unmarked));
  if (bare.length === 0) return false;
  const name = names.find((n) => bare.startsWith(n.bare));
  if (!name) return false;
  const rest = bare.slice(name.bare.length).replace(/^(?:机制|制度|措施|方面)/, '');
  return SAYS_NOTHING.test(rest);
}
