/**
 * A clause rule's compliant wording, said of the parties the sentence is about. In a pack's
 * `replacement`, 甲方 stands for the government side and 乙方 for the counterparty; each is
 * replaced by who the sentence names on that side:
 *
 * - the one party of that side the sentence (or its list lead-in) names: 丙方, 园区管委会,
 *   入驻园区的企业, or a signatory's name as written;
 * - several: the one acting at the offending words, or those named together (甲方和丙方,
 *   乙方及其关联企业), as written;
 * - none: the document's only signatory of that side (甲方/乙方/丙方 …), or the convention
 *   when the document names no party at all;
 * - otherwise a placeholder (（政府方名称）/（合作方名称）), flagged until it is written.
 *
 * Nothing is guessed beyond that: a sentence about companies in a park, in an agreement whose
 * 乙方 is a ministry, is not reworded as about 乙方.
 */
import { actingParty, partyMentions, type Mention } from '../clause/language';
import { normaliseForMatch, originalRange, type NormalisedText } from '../clause/normalise';
import { foldForMatch } from '../clause/fold';
import { ROLE_KEYS, type Parties } from '../parties';

export const PARTY_PLACEHOLDER = { government: '（政府方名称）', counterparty: '（合作方名称）' } as const;

/** The template words that stand for a side. */
const SLOTS: Array<{ word: string; government: boolean }> = [
  { word: '甲方', government: true },
  { word: '乙方', government: false },
];

export interface Reworded {
  text: string;
  /** A side could not be determined: the wording holds a placeholder. */
  unresolved: boolean;
}

/** The sentence as the matcher reads it, and its list lead-in. */
export interface SentenceText {
  text: string;
  leadIn?: string;
  /** Offset (in `text`) of the first offending word. */
  hitStart: number;
}

export function rewordFor(template: string, sentence: SentenceText, parties: Parties): Reworded {
  let text = template;
  let unresolved = false;
  for (const slot of SLOTS) {
    if (!template.includes(slot.word)) continue;
    // undefined: the sentence names no one of that side; null: it names several and which one cannot be told.
    const named = partyOfSide(sentence, parties, slot.government);
    const who = named === undefined ? fallbackParty(parties, slot) : named;
    if (who === null) unresolved = true;
    text = text.split(slot.word).join(who ?? (slot.government ? PARTY_PLACEHOLDER.government : PARTY_PLACEHOLDER.counterparty));
  }
  return { text, unresolved };
}

/** The document's only signatory of the side; the template's own word when no party is named at all. */
function fallbackParty(parties: Parties, slot: { word: string; government: boolean }): string | null {
  if (parties.list.length === 0) return slot.word;
  const side = parties.list.filter((p) => p.government === slot.government);
  return side.length === 1 ? side[0].role : null;
}

interface Candidate {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  mention: Mention;
  phrase: string;
}

function partyOfSide(sentence: SentenceText, parties: Parties, government: boolean): string | null | undefined {
  const item = candidatesIn(sentence.text, parties, government);
  if (item.candidates.length > 0) return choose(item.candidates, item.normalised, sentence.text, sentence.hitStart, parties, government);
  if (!sentence.leadIn) return undefined;
  const lead = candidatesIn(sentence.leadIn, parties, government);
  return lead.candidates.length > 0 ? choose(lead.candidates, lead.normalised, sentence.leadIn, sentence.leadIn.length, parties, government) : undefined;
}

function choose(candidates: Candidate[], normalised: NormalisedText, original: string, hitStart: number, parties: Parties, government: boolean): string | null {
  const phrases = [...new Set(candidates.map((c) => c.phrase))];
  if (phrases.length === 1) return phrases[0];
  const sorted = [...candidates].sort((a, b) => a.start - b.start);
  const at = normalisedOffset(normalised, hitStart);
  const actor = actingParty(normalised.text, at, parties.mentions);
  let chosen: Candidate | undefined;
  if (actor && actor.government === government) chosen = sorted.filter((c) => c.mention.text === actor.text && c.end <= at).pop() ?? sorted.find((c) => c.mention.text === actor.text);
  // No actor of this side: the parties count only when they are named together (乙方及其关联企业).
  const group = coordinated(sorted, chosen ?? sorted[0], normalised.text);
  if (!chosen && group.length < sorted.length) return null;
  const range = originalRange(normalised, group[0].start, group[group.length - 1].end);
  return original.slice(range.start, range.end);
}

/** Words that join parties named together: 甲方和丙方, 乙方及其关联企业. */
const JOINED_BY = /^(和|与|及|、|以及|及其|和其|或)$/;

/** The chosen party with those named together with it (甲方和丙方为乙方提供担保 → 甲方和丙方). */
function coordinated(sorted: Candidate[], chosen: Candidate, text: string): Candidate[] {
  let i = sorted.indexOf(chosen);
  let j = i;
  const joined = (a: Candidate, b: Candidate) => JOINED_BY.test(text.slice(a.end, b.start));
  while (i > 0 && joined(sorted[i - 1], sorted[i])) i--;
  while (j + 1 < sorted.length && joined(sorted[j], sorted[j + 1])) j++;
  return sorted.slice(i, j + 1);
}

/** Normalised offset of an original offset (the first unit that comes from at or after it). */
function normalisedOffset(n: NormalisedText, original: number): number {
  for (let i = 0; i < n.text.length; i++) if (n.origin[i] >= original) return i;
  return n.text.length;
}

/** Characters that may follow a generic word (企业, 政府 …) used as a party, not inside a noun phrase (企业债券, 政府投资). */
const AFTER_PARTY = '向为以应须将对在与和及同自可不已未提承负按依根出给把由经拟愿确保如若均亦也还再另先即则就共需要能会并予实缴纳的所，,、；;。：:（()';
/** Where a modifier before a generic word stops: punctuation, prepositions, and verbs of which it is the object. */
const MODIFIER_STOP = /[，,；;。：:！!？?（）()、\s“”"《》对向为给与和同替代帮跟把将按由及]/;
const STOP_VERBS = ['承诺', '同意', '保证', '给予', '支持', '鼓励', '引导', '确保', '要求', '协助', '允许', '享受', '获得', '提供', '实行', '实施', '落实', '帮助', '扶持'];
const MODIFIER_REACH = 12;

function candidatesIn(original: string, parties: Parties, government: boolean): { candidates: Candidate[]; normalised: NormalisedText } {
  const normalised = normaliseForMatch(original);
  const text = normalised.text;
  const named = new Set<string>([...ROLE_KEYS, ...parties.list.map((p) => foldForMatch(p.name))]);
  const found = partyMentions(text, parties.mentions);
  const candidates: Candidate[] = [];
  for (const { at, mention } of found) {
    if (mention.government !== government) continue;
    const end = at + mention.text.length;
    let start = at;
    if (!named.has(mention.text)) {
      if (end < text.length && !AFTER_PARTY.includes(text[end])) continue;
      start = modifierStart(text, at, found, government);
    }
    const range = originalRange(normalised, start, end);
    candidates.push({ start, end, mention, phrase: original.slice(range.start, range.end) });
  }
  return { candidates, normalised };
}

/** Start of the words that qualify a generic party word: 入驻园区的企业, 园区管委会. */
function modifierStart(text: string, at: number, found: Array<{ at: number; mention: Mention }>, government: boolean): number {
  const other = found.filter((f) => f.mention.government !== government);
  let i = at;
  while (i > 0 && at - i < MODIFIER_REACH) {
    const c = text[i - 1];
    if (MODIFIER_STOP.test(c)) break;
    if (STOP_VERBS.some((v) => text.startsWith(v, i - v.length))) break;
    if (other.some((f) => f.at + f.mention.text.length === i)) break;
    i--;
  }
  if (at - i >= MODIFIER_REACH) return at;
  // 其关联企业, 该企业: a word that points back into the sentence does not stand alone.
  while (i < at && '其该'.includes(text[i])) i++;
  return i;
}
