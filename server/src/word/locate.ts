/**
 * Where a finding on the extracted text sits in the Word file: the paragraph (counted from
 * 1 as the officer counts, among the paragraphs read) and the words it covers. A finding in
 * the inferred front matter has no paragraph; its excerpt is the front-matter line.
 */
import type { ExtractedWord, WordParagraph } from './model';

export interface WordLocation {
  /** 1-based paragraph number, or null for the front matter. */
  paragraph: number | null;
  /** The flagged words (at most 40 characters), else the paragraph's start. */
  excerpt: string;
}

const MAX_EXCERPT = 40;

function clip(text: string): string {
  const chars = [...text.trim()];
  return chars.length > MAX_EXCERPT ? chars.slice(0, MAX_EXCERPT).join('') + '…' : chars.join('');
}

/** The paragraph whose line holds `offset`, by binary search over textStart. */
export function paragraphAt(word: ExtractedWord, offset: number): WordParagraph | null {
  const list = word.paragraphs;
  if (offset < word.bodyStart || list.length === 0) return null;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    // A line starts before textStart by its Markdown prefix (`# `): compare with the line start.
    const lineStart = word.text.lastIndexOf('\n', list[mid].textStart - 1) + 1;
    if (lineStart <= offset) lo = mid;
    else hi = mid - 1;
  }
  return list[lo];
}

export function locate(word: ExtractedWord, span: { start: number; end: number }): WordLocation {
  const p = paragraphAt(word, span.start);
  if (!p) {
    const lineStart = word.text.lastIndexOf('\n', span.start - 1) + 1;
    const lineEnd = word.text.indexOf('\n', span.start);
    const line = word.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\s+#.*$/, '');
    return { paragraph: null, excerpt: line === '---' ? '' : clip(line) };
  }
  const from = Math.max(0, span.start - p.textStart);
  const to = Math.min(p.text.length, span.end - p.textStart);
  const words = to > from ? p.text.slice(from, to) : '';
  return { paragraph: p.index + 1, excerpt: clip(words.trim() !== '' ? words : p.text) };
}
