/**
 * One-to-one character folding for matching (traditional → simplified, full-width →
 * half-width), the part of `normaliseForMatch` that keeps every offset. Pack terms are
 * folded with it once; the scanner folds document text through a table, so a sentence
 * with no candidate phrase is never copied.
 */
import { foldWidth, simplifiedCodePoint } from './normalise';

let table: Uint16Array | null = null;

/** FOLD[c] for every BMP code unit (surrogates map to themselves). */
export function foldTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = c;
      continue;
    }
    const folded = simplifiedCodePoint(foldWidth(c));
    t[c] = folded <= 0xffff ? folded : c;
  }
  table = t;
  return t;
}

/** Fold a pack term or a short string the way matching text is folded. */
export function foldForMatch(s: string): string {
  const t = foldTable();
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(t[s.charCodeAt(i)]);
  return out;
}
