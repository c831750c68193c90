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

/**
 * A sentence that continues the one before by pointing back at it: opening with 上述、该、其、具体…, or
 * with 据此、因此、由此、为此、对此 after a short subject (甲方据此给予……).
 */
const CONTINUES_AT_START = /^\s*(?:[^，,。；;：:]{0,8}?(?:据此|據此|因此|由此|为此|為此|对此|對此)|上述|前述|以上|该|該|此|其|具体|具體)/;

/**
 * Does sentence `index` continue the one before it, in the same paragraph (乙方承诺将营业收入全部纳入甲方
 * 统计。甲方据此给予经营贡献奖励。)? The two are then read together too: an act in one and its
 * condition in the other.
 */
export function continuesPrevious(text: string, sentences: Sentence[], index: number): boolean {
  if (index === 0) return false;
  const sentence = sentences[index];
  if (!mayContinue(text, sentence.span.start, sentence.span.end) || sentence.leadIn !== sentences[index - 1].leadIn) return false;
  return CONTINUES_AT_START.test(sentence.text) && adjacent(text, sentences[index - 1], sentence);
}

/** 上 前 以 该 該 此 其 具: the words that point back at a sentence's start. */
const OPENER = new Uint8Array(65536);
for (const c of '上前以该該此其具') OPENER[c.charCodeAt(0)] = 1;
const HERE = 0x6b64; // 此, the end of 据此、因此、由此、为此、对此

/**
 * A cheap first look at the document text, run on every sentence of a long document (reading
 * `Sentence.text` would copy each one): the words open the sentence, or end in 此 soon after.
 */
function mayContinue(text: string, start: number, end: number): boolean {
  if (OPENER[text.charCodeAt(start)] === 1) return true;
  const head = Math.min(end, start + 11);
  for (let k = start + 1; k < head; k++) if (text.charCodeAt(k) === HERE) return true;
  return false;
}
