import { matchHeading, type HeadingMatch, type HeadingStyle } from './headings';
import { isBlankCode } from './lineJoin';

/**
 * Headings inside a line: an agreement pasted as one long line (`第一条 总则 本协议……
 * 第二条 合作内容 ……`) still has its sections. A marker inside a line starts a heading
 * only when all of these hold, so references such as 根据第三条的规定, 本协议第三条,
 * 第三条第二款 or 第三条规定 never split a line:
 * - it follows a sentence end (。；！？ or ：) or a blank, or opens the line;
 * - 第X条 / 第X章 is not followed by a word that makes it a reference (的, 规定, 约定, 第, 至 …);
 * - its number continues the numbering of its style (the next number, or a restart at 1).
 * 第X条 and 第X章 are looked for in every line; 一、 and （一） only in lines too long to
 * be one paragraph of a normal document (an enumeration inside a sentence stays text).
 */

/** Lines longer than this are pasted text; they are searched for every heading style. */
export const LONG_LINE = 400;
/** How much of the text after a marker is read to name the heading. */
const WINDOW = 120;

const CN = '[一二三四五六七八九十百零〇两兩]';
const ARTICLE = `第(?:${CN}{1,4}|\\d{1,3})[条條章]`;
const DUN = `${CN}{1,3}、`;
const PAREN = `[（(]${CN}{1,3}[）)]`;
const ARTICLES_ONLY = new RegExp(ARTICLE, 'g');
const ANY_STYLE = new RegExp(`${ARTICLE}|${DUN}|${PAREN}`, 'g');

/** After 第X条: a character that makes it a reference, not a heading. */
const REFERENCE_FOLLOWER = /^[的规约所之中项款第和、至或及与以等列载述内明确提项下，,。；;）)”]/;

/** The last number of each style seen so far, in document order. */
export type NumberingState = Map<HeadingStyle, number>;

export interface InlineHeading {
  /** Offset of the marker in the text. */
  start: number;
  match: HeadingMatch;
}

function boundaryBefore(text: string, lineStart: number, at: number): boolean {
  let j = at - 1;
  if (j < lineStart) return true;
  const blank = isBlankCode(text.charCodeAt(j));
  while (j >= lineStart && isBlankCode(text.charCodeAt(j))) j--;
  if (j < lineStart) return true;
  let c = text.charCodeAt(j);
  // 。” and 。） end a sentence as 。 does.
  while (j > lineStart && (c === 0x201d || c === 0x300d || c === 0xff09 || c === 41)) c = text.charCodeAt(--j);
  return blank || c === 0x3002 || c === 0xff1b || c === 59 || c === 0xff01 || c === 33 || c === 0xff1f || c === 63 || c === 0xff1a || c === 58;
}

function continuesNumbering(state: NumberingState, match: HeadingMatch): boolean {
  const value = match.numberValue;
  if (value === null) return false;
  return value === 1 || value === (state.get(match.style) ?? 0) + 1;
}

/**
 * Headings that start inside the line `text[lineStart, lineEnd)` after `from` (the end
 * of the line's own leading heading marker, or the line start). Updates `state`.
 * Linear in the line's length: one regex scan, and a bounded window per candidate.
 */
export function findInlineHeadings(text: string, lineStart: number, lineEnd: number, from: number, state: NumberingState): InlineHeading[] {
  const out: InlineHeading[] = [];
  const re = lineEnd - lineStart > LONG_LINE ? ANY_STYLE : ARTICLES_ONLY;
  // Search the line alone: a search of the whole text from here would make a document of many lines quadratic.
  const line = text.slice(from, lineEnd);
  if (line.indexOf('第') < 0 && re === ARTICLES_ONLY) return out;
  re.lastIndex = 0;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    const at = from + m.index;
    if (!boundaryBefore(text, lineStart, at)) continue;
    const window = text.slice(at, Math.min(lineEnd, at + WINDOW));
    const match = matchHeading(window);
    if (!match || match.markerStart !== 0) continue;
    if ((match.style === 'article' || match.style === 'chapter') && REFERENCE_FOLLOWER.test(window.slice(match.markerEnd))) continue;
    if (!continuesNumbering(state, match)) continue;
    state.set(match.style, match.numberValue!);
    out.push({ start: at, match });
  }
  return out;
}
