/**
 * A clause and the sentence after it: an act and the limit that makes it lawful are often two
 * sentences (甲方给予乙方……补贴。上述补贴以国家和省统一政策为限。). The clause check drops the
 * findings of a sentence that the next one, pointing back, limits by the state's rules, as it
 * would for the same limit written as a trailing clause.
 */
import { isLawfulLimit } from '../clause/lawfulScope';
import type { Sentence } from '../parse/sentences';

/** A sentence that limits the one before opens by pointing back (上述补贴…, 以上政策…, 具体标准…). */
const POINTS_BACK_AT_START = /^\s*(?:上述|前述|以上|该|此|其|具体|相关)/;

/** Two sentences of one paragraph: nothing but blanks (and at most one line break) between them. */
function adjacent(text: string, before: Sentence, after: Sentence): boolean {
  return /^[ \t\u3000]*(?:\r?\n)?[ \t\u3000]*$/.test(text.slice(before.span.end, after.span.start));
}

/** Does the sentence after `index` point back and limit it by the state's rules (上述补贴以国家和省统一政策为限)? */
export function limitedByNext(text: string, sentences: Sentence[], index: number): boolean {
  const next = sentences[index + 1];
  if (!next || next.leadIn !== sentences[index].leadIn) return false;
  if (!POINTS_BACK_AT_START.test(next.text) || !isLawfulLimit(next.text)) return false;
  return adjacent(text, sentences[index], next);
}
