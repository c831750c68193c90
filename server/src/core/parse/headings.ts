import { parseChineseNumber } from './numerals';

/**
 * Heading styles, in the order that nests them: a `（一）` item lives inside an
 * `一、` section, a `1．` inside a `（一）`, and so on.
 */
export type HeadingStyle =
  | 'markdown'
  | 'chapter' // 第一章
  | 'article' // 第一条, 第一條
  | 'cn-dun' // 一、
  | 'cn-paren' // （一）
  | 'arabic' // 1． 1. 1、
  | 'arabic-paren'; // （1）

export const STYLE_RANK: Record<Exclude<HeadingStyle, 'markdown'>, number> = {
  chapter: 10,
  article: 20,
  'cn-dun': 30,
  'cn-paren': 40,
  arabic: 50,
  'arabic-paren': 60,
};

/** What a heading line looks like, relative to the start of the line. */
export interface HeadingMatch {
  style: HeadingStyle;
  /** Nesting rank: smaller nests larger. Markdown `#`×n ranks as n×10 - 10. */
  rank: number;
  /** The numbering token as written, e.g. `（一）`, `1．`, `##`. */
  marker: string;
  /** The number inside the marker, e.g. `一`, `1`; empty for markdown. */
  number: string;
  numberValue: number | null;
  /** Column where the marker starts (after leading blanks). */
  markerStart: number;
  markerEnd: number;
  /** Heading name: text after the marker up to the first 。；：! ? */
  name: string;
  nameStart: number;
  nameEnd: number;
}

const BLANK = '[ \\t\\u3000]';
const CN = '[一二三四五六七八九十百零〇两兩]';
const PATTERNS: Array<{ style: HeadingStyle; re: RegExp }> = [
  { style: 'markdown', re: new RegExp(`^(${BLANK}{0,3})(#{1,6})(?:${BLANK}+|$)`) },
  { style: 'chapter', re: new RegExp(`^(${BLANK}*)(第(${CN}{1,4}|\\d{1,3})章)${BLANK}*`) },
  { style: 'article', re: new RegExp(`^(${BLANK}*)(第(${CN}{1,4}|\\d{1,3})[条條])${BLANK}*`) },
  { style: 'cn-dun', re: new RegExp(`^(${BLANK}*)((${CN}{1,3})、)${BLANK}*`) },
  { style: 'cn-paren', re: new RegExp(`^(${BLANK}*)([（(](${CN}{1,3})[）)])${BLANK}*`) },
  { style: 'arabic', re: new RegExp(`^(${BLANK}*)((\\d{1,3})(?:[．、]|\\.(?!\\d)))${BLANK}*`) },
  { style: 'arabic-paren', re: new RegExp(`^(${BLANK}*)([（(](\\d{1,3})[）)])${BLANK}*`) },
];

/**
 * The patterns that can match a line, by its first character after blanks: each pattern above
 * starts (after blanks) with a character of its own, so only these are tried, in the same order.
 * A character missing here starts no heading.
 */
const BY_FIRST = new Map<number, typeof PATTERNS>();
for (const [chars, styles] of [
  ['#', ['markdown']],
  ['第', ['chapter', 'article']],
  ['（(', ['cn-paren', 'arabic-paren']],
  ['0123456789', ['arabic']],
  ['一二三四五六七八九十百零〇两兩', ['cn-dun']],
] as const) {
  for (const c of chars) BY_FIRST.set(c.charCodeAt(0), PATTERNS.filter((p) => (styles as readonly string[]).includes(p.style)));
}

/** Where a heading's name stops: the first sentence or label punctuation. */
const NAME_END = /[。；;：:！!？?]/;

/** Recognise a heading at the start of one line of text (no line break inside). */
export function matchHeading(line: string): HeadingMatch | null {
  let at = 0;
  while (at < line.length && isBlank(line.charCodeAt(at))) at++;
  // Cheap pre-filter: every heading starts with #, 第, （, (, a digit or a Chinese numeral.
  const patterns = at < line.length ? BY_FIRST.get(line.charCodeAt(at)) : undefined;
  if (patterns === undefined) return null;
  for (const { style, re } of patterns) {
    const m = re.exec(line);
    if (!m) continue;
    const markerStart = m[1].length;
    const marker = m[2];
    const markerEnd = markerStart + marker.length;
    const nameStart = m[0].length;
    let rest = line.slice(nameStart);
    let nameOffset = nameStart;
    if (style === 'markdown') {
      rest = stripClosingHashes(rest);
      // "## 一、合作原则": the name is what follows the inner numbering. `rest` starts with
      // neither a blank nor `#`, so the inner match is never Markdown (no deep recursion on "# # # …").
      const inner = rest.length > 0 && rest.charCodeAt(0) !== 35 ? matchHeading(rest) : null;
      if (inner && inner.style !== 'markdown') {
        nameOffset += inner.nameStart;
        rest = rest.slice(inner.nameStart);
      }
    }
    // A trailing <!-- comment --> (a directive or a label) is not part of the name.
    const comment = rest.indexOf('<!--');
    if (comment >= 0) rest = rest.slice(0, comment);
    const stop = rest.search(NAME_END);
    let rawName = stop >= 0 ? rest.slice(0, stop) : rest;
    if (style !== 'markdown') rawName = rawName.slice(0, nameBeforeText(rawName));
    const name = rawName.slice(0, trimmedEnd(rawName, rawName.length));
    if (style !== 'markdown' && name.length === 0 && stop === 0) {
      // "一、：" or "1.。" — punctuation right after a number is not a heading.
      return null;
    }
    const number = style === 'markdown' ? '' : m[3];
    const rank = style === 'markdown' ? marker.length * 10 - 10 : STYLE_RANK[style];
    return {
      style,
      rank,
      marker,
      number,
      numberValue: style === 'markdown' ? null : parseChineseNumber(number),
      markerStart,
      markerEnd,
      name,
      nameStart: nameOffset,
      nameEnd: nameOffset + name.length,
    };
  }
  return null;
}

const isBlank = (c: number) => c === 32 || c === 9 || c === 0x3000;

/** Text after a blank that reads as the section's first sentence, not as more of its name. */
const MIN_TEXT_AFTER_NAME = 8;

/**
 * `第一条 总则 本协议由甲乙双方……`: a heading followed on its line by its text, with only
 * a blank between them, is named by what comes before the blank. A short remainder
 * (`一、合作 原则`, a stray blank) stays part of the name.
 */
function nameBeforeText(rawName: string): number {
  for (let i = 1; i < rawName.length; i++) {
    if (!isBlank(rawName.charCodeAt(i)) || isBlank(rawName.charCodeAt(i - 1))) continue;
    let j = i;
    while (j < rawName.length && isBlank(rawName.charCodeAt(j))) j++;
    if (i >= 2 && rawName.length - j >= MIN_TEXT_AFTER_NAME) return i;
  }
  return rawName.length;
}

/** End of `text[0, end)` without trailing blanks. A loop: `/[ \t]+$/` is quadratic on long runs of blanks. */
function trimmedEnd(text: string, end: number): number {
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * A Markdown heading's text without its optional closing `#` sequence and trailing
 * blanks: what `replace(/[ \t\u3000]+#*[ \t\u3000]*$/, '')` does, in linear time.
 */
export function stripClosingHashes(rest: string): string {
  const end = trimmedEnd(rest, rest.length);
  let hashes = end;
  while (hashes > 0 && rest.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < end && hashes > 0 && isBlank(rest.charCodeAt(hashes - 1))) return rest.slice(0, trimmedEnd(rest, hashes));
  return rest.slice(0, end);
}
