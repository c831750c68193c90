/**
 * No range or edit may split a character pair: a surrogate pair (one character outside the
 * BMP) or a CRLF line break. An editor cannot place a cursor between CR and LF, so an edit
 * ending there is applied differently by the client than by the core; half a surrogate pair
 * is not a character at all. Findings are widened to whole characters; edits are widened
 * with the cut-off half put back into the new text, so applying them gives the same text.
 */
import type { OffsetEdit, Span } from './types';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Does a boundary at `at` fall inside a surrogate pair or a CRLF? */
export function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return (isHigh(before) && isLow(after)) || (before === 13 && after === 10);
}

/** The span widened to whole characters and whole line breaks. */
export function snapSpan(text: string, span: Span): Span {
  let { start, end } = span;
  if (splitsPair(text, start)) start--;
  if (splitsPair(text, end)) end++;
  return start === span.start && end === span.end ? span : { start, end: Math.max(start, end) };
}

/** The edit widened the same way, giving the same result text. */
export function snapEdit(text: string, edit: OffsetEdit): OffsetEdit {
  let { start, end, newText } = edit;
  if (splitsPair(text, start)) {
    newText = text[start - 1] + newText;
    start--;
  }
  if (splitsPair(text, end)) {
    newText += text[end];
    end++;
  }
  return start === edit.start && end === edit.end ? edit : { start, end, newText };
}
