import { isBlankCode } from './lineJoin';

/**
 * An unnumbered heading: a short line standing alone (合作目标, **合作目标**, 【合作目标】)
 * with no punctuation, no digits and no list or Markdown marker. Parsing only records such
 * lines; they count as sections where they name a section of the document's category
 * (see `sectionMatch.ts`), so a short line of prose never reshapes the section tree.
 */
export interface PlainHeadingMatch {
  name: string;
  /** Offsets of the name relative to the line start. */
  nameStart: number;
  nameEnd: number;
}

const MIN_NAME = 2;
const MAX_NAME = 16;
const WRAPPERS: Array<[string, string]> = [['**', '**'], ['__', '__'], ['【', '】'], ['〖', '〗'], ['［', '］']];
/** Sentence and label punctuation, digits, and the marks that start lists, tables, quotes and comments. */
const NOT_IN_NAME = /[。；;，,：:！!？?、.．0-9０-９#|>*+\-“”"'<\[\]《》]/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function matchPlainHeading(line: string): PlainHeadingMatch | null {
  if (line.length > MAX_NAME + 12) return null;
  let start = 0;
  let end = line.length;
  while (start < end && isBlankCode(line.charCodeAt(start))) start++;
  while (end > start && isBlankCode(line.charCodeAt(end - 1))) end--;
  for (const [open, close] of WRAPPERS) {
    if (end - start > open.length + close.length && line.startsWith(open, start) && line.endsWith(close, end)) {
      start += open.length;
      end -= close.length;
      break;
    }
  }
  const name = line.slice(start, end);
  if (name.length < MIN_NAME || name.length > MAX_NAME) return null;
  if (NOT_IN_NAME.test(name) || !HAN.test(name)) return null;
  return { name, nameStart: start, nameEnd: end };
}
