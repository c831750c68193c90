import type { Span } from './types';
import { wordsOnly } from './wordsOnly';

/**
 * Unfilled placeholders: the blanks a template or an inserted skeleton leaves for the
 * officer to write. Shared by `format/placeholder` and by the section and element
 * checks (a section holding only placeholders is not written yet).
 */
export interface Placeholder {
  span: Span;
  text: string;
}

const PATTERNS: RegExp[] = [
  // ……, …, ...... (an ellipsis standing for text still to come)
  /…+|\.{3,}|。{3,}/g,
  // ____, ＿＿ (blanks); signature and date blanks are handled below
  /[_＿]{2,}/g,
  // 【】, 【甲方】 (brackets left by templates)
  /【[^【】\n]{0,30}】/g,
  // （甲方全称）, （写明合作的领域）, （　　）: instructions and blanks in parentheses
  /[（(][ \t\u3000]*(?:(?:请|此处)?(?:写明|填写|填入|注明|列明|补充|说明|选择|待填写|待定|待补充|待确定)[^（）()\n]{0,40}|[^（）()\n]{0,20}(?:全称|名称|姓名|待填写|待定|待补充|待确定))[ \t\u3000]*[）)]|[（(][ \t\u3000]{2,}[）)]/g,
  // 某某, XX, ××: a name not written yet
  // (某某集团有限公司 is a name written the usual anonymised way; 某某万元, 乙方：某某 are blanks)
  /某某(?![\p{Script=Han}]|$)|某某(?=[万亿元年月日个项名人份])|(?<![A-Za-z])[XxＸ×]{2,}(?![A-Za-z])/gmu,
  // 一式×份: the count of copies (the prefix is matched, not a look-behind at every position, and left out of the span)
  /(?:一式|各执)([×XxＸ])(?=份)/g,
];

/** Lines where blanks are meant to stay until the paper is signed: signatures, seals, 年 月 日. */
const SIGNING_LINE = /签字|签章|签名|盖章|公章|（章）|代表人|委托代理人|[_＿\s]年[_＿\s]*月[_＿\s]*日/;

/** Every placeholder in `text` between `from` and `to`, outside the `skip` spans (comments, code). */
export function findPlaceholders(text: string, from = 0, to = text.length, skip: Span[] = []): Placeholder[] {
  const region = text.slice(from, to);
  const found: Placeholder[] = [];
  // Most lines and passages hold no placeholder character at all.
  if (!PLACEHOLDER_HINT.test(region)) return found;
  // Earlier patterns win where matches overlap. Covered characters are marked, so a document of
  // a million blanks is checked in linear time (comparing each match with all found was quadratic).
  let taken: Uint8Array | null = null;
  const skipped = [...skip].sort((a, b) => a.start - b.start);
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(region); m; m = pattern.exec(region)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      // A pattern with a group marks only the group (一式×份 → ×).
      const offset = m[1] !== undefined ? m[0].lastIndexOf(m[1]) : 0;
      const word = m[1] ?? m[0];
      const start = m.index + offset;
      const span = { start: from + start, end: from + start + word.length };
      if (overlapsAny(skipped, span)) continue;
      if (taken !== null && taken.subarray(start, start + word.length).includes(1)) continue;
      if (/^[_＿]/.test(word) && SIGNING_LINE.test(lineAround(text, span))) continue;
      (taken ??= new Uint8Array(region.length)).fill(1, start, start + word.length);
      found.push({ span, text: word });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** Does `span` overlap one of the sorted `spans`? Binary search for the last span starting before its end. */
function overlapsAny(spans: Span[], span: Span): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start < span.end) low = mid + 1;
    else high = mid - 1;
  }
  // spans[0..high] start before span.end; any of them ending after span.start overlaps. Skip spans are
  // few and do not nest deeply, so looking back over those that could still reach is short.
  for (let i = high; i >= 0; i--) {
    if (spans[i].end > span.start) return true;
    if (i < high - 64) break;
  }
  return false;
}

function lineAround(text: string, span: Span): string {
  const start = Math.max(text.lastIndexOf('\n', span.start - 1) + 1, 0);
  const next = text.indexOf('\n', span.end);
  return text.slice(start, next < 0 ? text.length : next);
}

/**
 * The words a passage really says: placeholders removed, then labels left with no
 * value (`资金来源：` once its `……` is gone), heading markers, punctuation and blanks.
 * A line with a placeholder and at most a few words besides (（一）……项目, 甲方……%) says nothing yet.
 *
 * Read line by line: no placeholder, label or heading marker reaches across a line break,
 * so the passage's words are its lines' words in order.
 */
export function writtenWords(text: string): string {
  return writtenWordsUntil(text, () => false);
}

/** The words of the passage's lines up to the first whose words `stop` accepts (included); all of them if none. */
export function writtenWordsUntil(text: string, stop: (lineWords: string) => boolean): string {
  let out = '';
  for (let start = 0; start >= 0; start = nextLineStart(text, start)) {
    const words = lineWords(text.slice(start, lineEnd(text, start)));
    out += words;
    if (stop(words)) break;
  }
  return out;
}

/**
 * Whether a passage holds nothing but placeholders (or nothing at all), leaving out the
 * lines that, trimmed, are among `ignoredLines` (a pack's skeleton instructions). Stops at
 * the first line with words.
 */
export function onlyPlaceholders(text: string, ignoredLines?: Set<string>): boolean {
  for (let start = 0; start >= 0; start = nextLineStart(text, start)) {
    const line = text.slice(start, lineEnd(text, start));
    if (ignoredLines && ignoredLines.size > 0 && ignoredLines.has(line.trim())) continue;
    if (lineWords(line).length > 0) return false;
  }
  return true;
}

/** Offset of the line break (\r\n, \r or \n) ending the line that starts at `start`, or the text's length. */
function lineEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13) break;
    end++;
  }
  return end;
}

/** Start of the line after the one starting at `start`; -1 after the last line. */
function nextLineStart(text: string, start: number): number {
  const end = lineEnd(text, start);
  if (end >= text.length) return -1;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}
const SHORT_LINE = 6;

/** A necessary condition for any placeholder (see PATTERNS): most lines hold none and skip the six patterns. */
const PLACEHOLDER_HINT = /…|\.\.\.|。。。|[_＿]{2}|【|[（(]|某某|[XxＸ×]/;

/** The words of one line (no line break in it). */
function lineWords(line: string): string {
  if (!PLACEHOLDER_HINT.test(line)) return bareWords(withoutLabels(line));
  const placeholders = findPlaceholders(line);
  const words = bareWords(withoutLabels(removeSpans(line, placeholders)));
  return placeholders.length === 0 || words.length > SHORT_LINE ? words : '';
}

function bareWords(text: string): string {
  return wordsOnly(
    text.replace(/^[ \t\u3000]*(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+、|\d+[．.、]|第[一二三四五六七八九十百\d]+[章条节])/gm, ''),
  );
}

/** Label lines left with no value (`资金来源：` once its `……` is gone). */
function withoutLabels(text: string): string {
  return text.replace(/^[ \t\u3000]*[^：:\n]{1,12}[：:][ \t\u3000。；，、]*$/gm, '');
}

/** `text` without the (sorted, disjoint) placeholder spans. */
function removeSpans(text: string, placeholders: Placeholder[]): string {
  if (placeholders.length === 0) return text;
  let out = '';
  let at = 0;
  for (const p of placeholders) {
    out += text.slice(at, p.span.start);
    at = p.span.end;
  }
  return out + text.slice(at);
}

/** The passage with its placeholders removed, and the labels they leave empty (`资金来源：……`). */
export function withoutPlaceholders(text: string): string {
  return withoutLabels(removeSpans(text, findPlaceholders(text)));
}
