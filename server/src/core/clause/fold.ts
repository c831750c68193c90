/**
 * One-to-one character folding for matching (traditional → simplified, full-width →
 * half-width), the part of `normaliseForMatch` that keeps every offset. Pack terms are
 * folded with it once; the scanner folds document text through a table, so a sentence
 * with no candidate phrase is never copied.
 */
import { foldWidth, simplifiedCodePoint, simplifiedPairs, WIDTH_FORMS_END, WIDTH_FORMS_START } from './normalise';

let table: Uint16Array | null = null;

/** FOLD[c] for every BMP code unit (surrogates map to themselves). */
export function foldTable(): Uint16Array {
  if (table) return table;
  // Built from the characters that change (the character map and the width forms) rather than by
  // looking up all 65,536 code units in the map: this runs before the first diagnostics.
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  for (const [from, to] of simplifiedPairs()) if ((from < 0xd800 || from > 0xdfff) && from <= 0xffff && to <= 0xffff) t[from] = to;
  for (let c = WIDTH_FORMS_START; c <= WIDTH_FORMS_END; c++) {
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
