import { matchHeading } from './headings';

/**
 * When does a hard line break sit inside a sentence? Text pasted from a PDF or a
 * fixed-width e-mail breaks lines wherever the page ended; a line that does not end
 * in sentence punctuation continues on the next one, unless the next line starts a
 * new block: a blank line, a heading or list item, a Markdown block, a label line
 * (地址：…) — or the line itself is a heading, a label or a signature line.
 */

/** How much of a line the predicates look at: headings and labels show in their first characters. */
const LOOK = 400;

export const isBlankCode = (c: number): boolean => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;

/** 。；！？ ; ! ? — and ： before a list, which a list item's own check already keeps apart. */
function endsSentence(c: number): boolean {
  return c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 59 || c === 33 || c === 63 || c === 0xff61;
}

/** Closing quotes and brackets after a terminator: “……。” ends the sentence too. */
function isCloser(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 41 || c === 0x300b || c === 34;
}

/** ，, 、 ：: （( “ 《 — a line ending with one of these plainly continues. */
export function isContinuationMark(c: number): boolean {
  return c === 0xff0c || c === 44 || c === 0x3001 || c === 0xff1a || c === 58 || c === 0xff08 || c === 40 || c === 0x201c || c === 0x300a;
}

/** Markdown block starts and table rows: # - * + > | ``` <!-- --- and a front-matter fence. */
const BLOCK_START = /^[ \t]{0,3}(?:#|[-*+][ \t]|>|\||```|~~~|<!--|---)/;
/** 地址：… 法定代表人：… 甲方（盖章）：… — a short label before a colon starts its own line. */
const LABEL_LINE = /^[ \t\u3000]*[^\s，。；：:,;！？!?]{1,10}[：:]/;

/** 2025年7月11日, 二〇二五年 …: the date under a signature block. */
const DATE_LINE = /^[ \t\u3000]*(?:\d{4}|[二〇○零一三四五六七八九]{4})[ \t\u3000]*年/;
/** 甲方（盖章） 法定代表人（签字）: a signature line ends where it ends. */
const SIGNATURE_END = /[（(](?:盖章|签字|签章|签名|公章)[）)]$/;

/** Is `text[start, end)` blank? */
function blankBetween(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlankCode(text.charCodeAt(i))) return false;
  return true;
}

/** Does the next line, `text[start, end)`, start a block of its own? */
export function startsBlock(text: string, start: number, end: number): boolean {
  const stop = Math.min(end, start + LOOK);
  if (blankBetween(text, start, stop) && stop === end) return true;
  const head = text.slice(start, stop);
  return BLOCK_START.test(head) || matchHeading(head) !== null;
}

/**
 * Does the line `text[lineStart, lineEnd)` (without its line break) run on into the
 * next line `text[nextStart, nextEnd)`? `midSentence`: the line itself began inside a
 * sentence (the line before ran on into it), so a short line is a fragment of a narrow
 * column (不得要求乙方), not a title.
 */
export function continuesOnNextLine(text: string, lineStart: number, lineEnd: number, nextStart: number, nextEnd: number, midSentence = false): boolean {
  let last = lineEnd - 1;
  while (last >= lineStart && isBlankCode(text.charCodeAt(last))) last--;
  if (last < lineStart) return false;
  let c = text.charCodeAt(last);
  let j = last;
  while (j > lineStart && isCloser(c)) c = text.charCodeAt(--j);
  if (endsSentence(c)) return false;
  if (startsBlock(text, nextStart, nextEnd)) return false;
  if (isContinuationMark(text.charCodeAt(last))) return true;
  let first = lineStart;
  while (first < last && isBlankCode(text.charCodeAt(first))) first++;
  const length = last + 1 - first;
  // Titles, signature lines (甲方（盖章）) and dates are short; a broken line of running text is not.
  if (length < 8 && !midSentence) return false;
  const head = text.slice(first, Math.min(last + 1, first + LOOK));
  if (BLOCK_START.test(head)) return false;
  if (LABEL_LINE.test(head) && length <= 24) return false;
  const nextHead = text.slice(nextStart, Math.min(nextEnd, nextStart + LOOK));
  if (LABEL_LINE.test(nextHead) || DATE_LINE.test(nextHead)) return false;
  if (SIGNATURE_END.test(head)) return false;
  // A heading alone on its line (一、合作原则) ends there; a list item broken mid-sentence does not.
  const heading = matchHeading(head);
  if (heading && heading.nameEnd >= head.length && heading.name.length <= 20) return false;
  return true;
}
