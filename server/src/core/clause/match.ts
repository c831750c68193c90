/**
 * A clause pattern matched on one sentence of matching text (normalised, see
 * normalise.ts). Concepts are found term by term (gaps, references to other concepts,
 * the document's parties); an occurrence counts unless it is quoted, covered by an
 * `except` string, or governed by a negation cue; the head slot's acting party must be
 * the side the rule names. Offsets here are in the matching text.
 */
import type { CompiledClause, CompiledPattern } from './compile';
import { COUNTERPARTY, GAP_LIMIT, GOVERNMENT_SIDE, LONG_GAP_LIMIT, type Concept, type Term } from './concepts';
import { mentionPositions } from './mentionPositions';
import { termPlan, termsToTry } from './termPlan';
import { actingParty, citationSpans, clauseEnd, clauseStart, conditionWithDrawback, cueRunsInto, sanctionedCondition, gapHoldsNegation, inCitedRule, insideAny, negatedAfter, negatedBefore, negatedByLeadClause, namesRequest, partyMentions, refusedPromise, refusedRequest, repealedTerm, type Mention } from './language';
import { isLawfulWording, lawfulLimitAfter, lawfulWordingGoverns, type LawfulScopeReader } from './lawfulScope';

export interface Occurrence {
  start: number;
  end: number;
  /** A negation cue inside one of the term's gaps (乙方不承担任何垫付 for `{对方}…垫付`): the phrase denies what it names. */
  gapNegated?: boolean;
}

export interface SlotMatch extends Occurrence {
  role: string;
}

export interface ClauseMatch {
  clause: CompiledClause;
  start: number;
  end: number;
  slots: SlotMatch[];
}

/** Negation cues are looked for this far before (and after) an occurrence, within its comma-clause. */
const NEGATION_REACH = 80;
const MAX_HEADS = 32;

/** Index of the first item starting at or after `pos` (the list is sorted by `startOf`). */
function lowerBound<T>(list: readonly T[], pos: number, startOf: (item: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (startOf(list[mid]) < pos) low = mid + 1;
    else high = mid;
  }
  return low;
}

const occurrenceStart = (o: Occurrence) => o.start;
const mentionStart = (m: { at: number }) => m.at;
/** Only a party's own label (甲方, 投资方, 社会资本方): generic names compound as words do (区政府投资, 区财政贡献). */
const isLabel = (mention: Mention) => mention.text.endsWith('方');

/** 不 or 未 right before a word negates it (不返还、不减免; 未约定). */
const BARE_NEGATION = new Set(['不', '未']);

/** Blanks and a condition's opening word before its subject (如乙方…的). */
const CONDITION_LEAD = /^\s*(?:如果|如|若|倘若|一旦|凡)?/;

/** Shared empty results for literals that do not occur (never changed). */
const NO_POSITIONS: number[] = [];
const NO_OCCURRENCES: Occurrence[] = [];

/** Does `text[from, to)` hold a break a gap may not cross (，,；;。：:！!？?\n: comma-clauses and sentences)? */
function crossesBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    switch (text.charCodeAt(i)) {
      case 0xff0c: case 0x2c: case 0xff1b: case 0x3b: case 0x3002: case 0xff1a: case 0x3a: case 0xff01: case 0x21: case 0xff1f: case 0x3f: case 0x0a:
        return true;
    }
  }
  return false;
}

/** Per-sentence state: literal positions and concept occurrences, each computed once. */
export class SentenceMatcher {
  readonly text: string;
  private readonly concepts: Map<string, Concept>;
  private readonly mentions: Mention[];
  private readonly positionsMemo = new Map<string, number[]>();
  private readonly occurrenceMemo = new Map<Concept, Occurrence[]>();
  private readonly validMemo = new Map<Concept, Occurrence[]>();
  private readonly inProgress = new Set<Concept>();
  private quotes: Array<[number, number]> | null = null;
  private parties: ReturnType<typeof partyMentions> | null = null;
  /** Where the item starts after its lead-in (0 without one): a match must hold a word at or after it. */
  readonly bodyStart: number;

  /**
   * `scanned`: the literals the first pass looks for, and `found`: those it found in this
   * text; a scanned literal that was not found needs no search.
   */
  private readonly scanned: Set<string> | null;
  private readonly found: Set<string> | null;

  constructor(text: string, concepts: Map<string, Concept>, mentions: Mention[], bodyStart = 0, scanned: Set<string> | null = null, found: Set<string> | null = null) {
    this.text = text;
    this.scanned = found ? scanned : null;
    this.found = found;
    this.concepts = concepts;
    this.mentions = mentions;
    this.bodyStart = bodyStart;
  }

  /** A literal the first pass looks for and did not find in this text: it occurs nowhere here. */
  private absent(literal: string): boolean {
    return this.scanned !== null && this.scanned.has(literal) && !this.found!.has(literal);
  }

  private positions(literal: string): number[] {
    let list = this.positionsMemo.get(literal);
    if (list) return list;
    if (this.absent(literal)) {
      this.positionsMemo.set(literal, NO_POSITIONS);
      return NO_POSITIONS;
    }
    list = [];
    for (let at = this.text.indexOf(literal); at >= 0; at = this.text.indexOf(literal, at + 1)) list.push(at);
    this.positionsMemo.set(literal, list);
    return list;
  }

  private readonly literalMemo = new Map<string, Occurrence[]>();

  private literalOccurrences(literal: string): Occurrence[] {
    let list = this.literalMemo.get(literal);
    if (!list) {
      const at = this.positions(literal);
      list = at.length === 0 ? NO_OCCURRENCES : at.map((p) => ({ start: p, end: p + literal.length }));
      this.literalMemo.set(literal, list);
    }
    return list;
  }

  private mentionsAt: number[][] | null = null;

  /** Where each party mention occurs (by index in `mentions`), found in one pass. */
  private mentionPositions(): number[][] {
    return (this.mentionsAt ??= mentionPositions(this.text, this.mentions));
  }

  private quoted(): Array<[number, number]> {
    return (this.quotes ??= citationSpans(this.text));
  }

  /** Every occurrence of a concept, quoted or not, sorted by start (longest first). */
  occurrences(concept: Concept): Occurrence[] {
    const memo = this.occurrenceMemo.get(concept);
    if (memo) return memo;
    if (this.inProgress.has(concept)) return [];
    this.inProgress.add(concept);
    const out: Occurrence[] = [];
    if (this.scanned === null) for (const term of concept.terms) this.matchTerm(term, out);
    else for (const i of termsToTry(termPlan(concept, this.scanned), this.found!)) this.matchTerm(concept.terms[i], out);
    if (concept.name === GOVERNMENT_SIDE || concept.name === COUNTERPARTY) {
      const government = concept.name === GOVERNMENT_SIDE;
      const positions = this.mentionPositions();
      this.mentions.forEach((mention, i) => {
        // As `positions` would: a scanned literal the first pass did not find counts as absent (a mention across the lead-in's end).
        if (mention.government !== government || this.absent(mention.text)) return;
        for (const at of positions[i]) out.push({ start: at, end: at + mention.text.length });
      });
    }
    const kept = concept.except.length === 0 ? out : out.filter((o) => !this.excepted(o, concept.except));
    kept.sort((a, b) => a.start - b.start || b.end - a.end);
    const unique = kept.filter((o, i) => i === 0 || o.start !== kept[i - 1].start || o.end !== kept[i - 1].end);
    this.inProgress.delete(concept);
    this.occurrenceMemo.set(concept, unique);
    return unique;
  }

  /** Occurrences that count: not quoted, and (for a negatable slot) not negated. */
  valid(concept: Concept, negatable: boolean): Occurrence[] {
    // A slot that is a negation itself (不予查处) still names nothing when the clause refuses to promise it (不作任何不予查处的承诺).
    if (!negatable) return this.occurrences(concept).filter((o) => !insideAny(o.start, this.quoted()) && !refusedPromise(this.text, o.start, o.end) && !this.inRefusedRequest(o) && !inCitedRule(this.text, o.start) && !repealedTerm(this.text, o.start, o.end));
    const memo = this.validMemo.get(concept);
    if (memo) return memo;
    const text = this.text;
    const list = this.occurrences(concept).filter((o) => {
      if (insideAny(o.start, this.quoted())) return false;
      if (o.gapNegated || refusedPromise(text, o.start, o.end) || this.inRefusedRequest(o) || inCitedRule(text, o.start) || repealedTerm(text, o.start, o.end)) return false;
      const from = clauseStart(text, o.start, NEGATION_REACH);
      if (negatedBefore(text, from, o.start) || BARE_NEGATION.has(text[o.start - 1]) || cueRunsInto(text, o.start)) {
        // 乙方未在本区注册的，不予奖励: the negated condition is the rule put the other way round.
        return conditionWithDrawback(text, from, clauseEnd(text, o.end, NEGATION_REACH));
      }
      if (negatedByLeadClause(text, from)) return false;
      const to = clauseEnd(text, o.end, NEGATION_REACH);
      if (sanctionedCondition(text, from, to) && this.counterpartyOpens(from)) return false;
      return !negatedAfter(text, o.end, to);
    });
    this.validMemo.set(concept, list);
    return list;
  }

  private requestNamed: boolean | undefined;

  /** Is the occurrence what a request turned down asked for? Looked at only in a sentence that names a request. */
  private inRefusedRequest(o: Occurrence): boolean {
    return (this.requestNamed ??= namesRequest(this.text)) && refusedRequest(this.text, o.start, o.end);
  }

  /** Does the clause at `from` open with the counterparty as its subject (乙方擅自…的; 如乙方…的)? A sanction deters only the counterparty's own act. */
  private counterpartyOpens(from: number): boolean {
    const parties = (this.parties ??= partyMentions(this.text, this.mentions, this.mentionPositions()));
    const lead = CONDITION_LEAD.exec(this.text.slice(from, from + 4))?.[0].length ?? 0;
    return parties.some((p) => p.at === from + lead && !p.mention.government);
  }

  /** Does any term of the concept occur anywhere (quoted or not)? */
  contains(concept: Concept): boolean {
    return this.occurrences(concept).length > 0;
  }

  private excepted(o: Occurrence, except: string[]): boolean {
    const word = this.text.slice(o.start, o.end);
    for (const compound of except) {
      for (let k = compound.indexOf(word); k >= 0; k = compound.indexOf(word, k + 1)) {
        if (o.start - k >= 0 && this.text.startsWith(compound, o.start - k)) return true;
      }
    }
    return false;
  }

  private matchTerm(term: Term, out: Occurrence[]): void {
    const first = term.pieces[0];
    const starts: Occurrence[] =
      first.kind === 'lit'
        ? this.literalOccurrences(first.text)
        : first.kind === 'ref'
          ? this.refOccurrences(first.name)
          : [];
    for (const s of starts) {
      // 乙方可 holds no 方可, 投资方现有 no 投资: a word of a concept does not start inside a party's label, nor end inside it.
      if (first.kind === 'lit' && this.insideLabel(s.start, s.end)) continue;
      const end = this.extend(term, 1, s.end, 0);
      if (end < 0) continue;
      out.push(this.gapNegation(term, s.start, end) ? { start: s.start, end, gapNegated: true } : { start: s.start, end });
    }
  }

  /**
   * Does [start, end) begin strictly inside a party's label (甲方, 投资方) and end after it, or begin
   * where a label begins and end inside it (投资 in 投资方)? The label names a party, not an act.
   */
  private insideLabel(start: number, end: number): boolean {
    const parties = (this.parties ??= partyMentions(this.text, this.mentions, this.mentionPositions()));
    // Mentions do not overlap: only the one starting at `start` or the last one before it can hold it.
    const low = lowerBound(parties, start, mentionStart);
    const here = parties[low];
    if (here !== undefined && here.at === start && isLabel(here.mention) && end < start + here.mention.text.length) return true;
    if (low === 0) return false;
    const p = parties[low - 1];
    return isLabel(p.mention) && start < p.at + p.mention.text.length && end > p.at + p.mention.text.length;
  }

  /**
   * Does a negation cue stand in the gap of a term with gaps (乙方不承担任何垫付 for `{对方}…垫付`,
   * 由乙方不得自行融资)? The cue is read between the term's first and last literal pieces, so a
   * cue the term spells itself (`不予{权利行使}`) is not one.
   */
  private gapNegation(term: Term, start: number, end: number): boolean {
    if (!term.pieces.some((p) => p.kind === 'gap')) return false;
    // '{一方当事人}…不得…异议': the term spells its own negation; what fills its gaps is read as the author meant.
    if (term.pieces.some((p) => p.kind === 'lit' && (gapHoldsNegation(p.text) || BARE_NEGATION.has(p.text[0])))) return false;
    const first = term.pieces[0];
    const last = term.pieces[term.pieces.length - 1];
    const from = first.kind === 'lit' ? start + first.text.length : start;
    const to = last.kind === 'lit' ? end - last.text.length : end;
    return to > from && gapHoldsNegation(this.text.slice(from, to));
  }

  private refOccurrences(name: string): Occurrence[] {
    const concept = this.concepts.get(name);
    return concept ? this.occurrences(concept) : [];
  }

  /** End of the term's pieces from `i` on, starting at `pos` (after a gap of up to `gap` characters); -1 when they do not follow. */
  private extend(term: Term, i: number, pos: number, gap: number): number {
    if (i >= term.pieces.length) return pos;
    const piece = term.pieces[i];
    if (piece.kind === 'gap') return this.extend(term, i + 1, pos, piece.long ? LONG_GAP_LIMIT : GAP_LIMIT);
    const candidates: Occurrence[] = piece.kind === 'lit' ? this.literalOccurrences(piece.text) : this.refOccurrences(piece.name);
    const gapped = gap > 0;
    const limit = pos + gap;
    for (let k = lowerBound(candidates, pos, occurrenceStart); k < candidates.length && candidates[k].start <= limit; k++) {
      const c = candidates[k];
      if (gapped && crossesBreak(this.text, pos, c.start)) continue;
      const end = this.extend(term, i + 1, c.end, 0);
      if (end >= 0) return end;
    }
    return -1;
  }

  /** The rule on this sentence: the first head occurrence whose acting party fits, with the other slots nearest to it. */
  match(clause: CompiledClause, patterns: CompiledPattern[] = clause.patterns): ClauseMatch | null {
    for (const pattern of patterns) {
      const found = this.matchPattern(clause, pattern);
      if (found) return found;
    }
    return null;
  }

  /**
   * The occurrences of `unless` that count, not negated (不实施产能置换, 不以实际损失为限 do not exempt):
   * `whole` when one clears the sentence, else the lawful wordings that clear only the
   * match whose clause they govern (see lawfulWordingGoverns).
   */
  private exemptions(concept: Concept): { whole: boolean; lawful: Occurrence[] } {
    const text = this.text;
    const lawful: Occurrence[] = [];
    for (const o of this.occurrences(concept)) {
      // 不以实际损失为限: a bare 不 right before the limit denies it too (未依法取得……前 is a time: before it is obtained).
      if (negatedBefore(text, clauseStart(text, o.start, NEGATION_REACH), o.start) || text[o.start - 1] === '不') continue;
      if (!isLawfulWording(text.slice(o.start, o.end))) return { whole: true, lawful };
      lawful.push(o);
    }
    return { whole: false, lawful };
  }

  /** What lawfulWordingGoverns needs to know of this sentence, for a head concept's valid occurrences `heads`. */
  private scopeReader(heads: Occurrence[]): LawfulScopeReader {
    const text = this.text;
    return {
      openingParty: (from) => {
        const parties = (this.parties ??= partyMentions(text, this.mentions));
        let at = from;
        while (at < text.length && /[\s、.．（(）)0-9一二三四五六七八九十]/.test(text[at])) at++;
        return parties.find((p) => p.at === at)?.mention;
      },
      headWithin: (from, to) => heads.some((h) => h.start >= from && h.end <= to),
    };
  }

  private matchPattern(clause: CompiledClause, pattern: CompiledPattern): ClauseMatch | null {
    const lists: Occurrence[][] = [];
    for (const slot of pattern.slots) {
      const list = this.valid(slot.concept, slot.negatable);
      if (list.length === 0) return null;
      lists.push(list);
    }
    const exemptions = pattern.unless ? this.exemptions(pattern.unless) : null;
    if (exemptions?.whole) return null;
    const text = this.text;
    let tried = 0;
    // A list item read with its lead-in (甲方对乙方项目作出如下保证：（一）……取得批复): any slot of an `item` pattern, the
    // head too, may stand in the lead-in, so long as the item holds one of the words; an item that adds none is not reported again.
    const lead = this.bodyStart;
    for (const head of lists[pattern.head]) {
      // One finding per rule and sentence: a few heads decide it; a pathological sentence cannot make this quadratic.
      if (++tried > MAX_HEADS) break;
      let from = 0;
      let to = text.length;
      if (pattern.within === 'clause') {
        from = clauseStart(text, head.start);
        to = clauseEnd(text, head.end - 1 >= head.start ? head.start : head.start);
        to = Math.max(to, head.end);
      } else if (pattern.within === 'sentence') {
        from = this.bodyStart;
      }
      const chosen: SlotMatch[] = [];
      let ok = true;
      for (const [k, list] of lists.entries()) {
        if (k === pattern.head) {
          chosen.push({ ...head, role: pattern.slots[k].role });
          continue;
        }
        const nearest = nearestTo(list, head, from, to);
        if (!nearest) {
          ok = false;
          break;
        }
        chosen.push({ ...nearest, role: pattern.slots[k].role });
      }
      if (!ok) continue;
      if (lead > 0 && !chosen.some((c) => c.start >= lead)) continue;
      if (pattern.actor !== 'any') {
        const actor = actingParty(text, head.start, this.mentions, (this.parties ??= partyMentions(text, this.mentions, this.mentionPositions())), head.end);
        if (actor && actor.government !== (pattern.actor !== 'counterparty')) continue;
        // 甲方（某某区产业投资集团有限公司）按持股比例享有……: a state-owned company is the lawful vehicle, not a government body.
        if (actor && pattern.actor === 'government-body' && actor.company) continue;
      }
      if (lawfulLimitAfter(text, head.start)) continue;
      if (exemptions && exemptions.lawful.some((o) => lawfulWordingGoverns(text, o.start, o.end, chosen, head, this.scopeReader(lists[pattern.head])))) continue;
      const start = Math.min(...chosen.map((c) => c.start));
      const end = Math.max(...chosen.map((c) => c.end));
      return { clause, start, end, slots: chosen };
    }
    return null;
  }
}

function nearestTo(list: Occurrence[], head: Occurrence, from: number, to: number): Occurrence | null {
  let best: Occurrence | null = null;
  let bestDistance = Infinity;
  // The nearest lies among the few occurrences around the head's position.
  const at = lowerBound(list, head.start, occurrenceStart);
  for (let k = Math.max(0, at - 8); k < Math.min(list.length, at + 8); k++) {
    const o = list[k];
    if (o.start < from || o.end > to) continue;
    const distance = o.start >= head.end ? o.start - head.end : head.start >= o.end ? head.start - o.end : 0;
    if (distance < bestDistance) {
      best = o;
      bestDistance = distance;
    }
  }
  return best;
}
