import { clauseEnd } from '../clause/language';
import { SentenceMatcher } from '../clause/match';
import { normaliseForMatch, originalRange, type NormalisedText } from '../clause/normalise';
import { foldTable } from '../clause/fold';
import { anchorsIn, candidatesFor, candidatesForScan, foundSet, NEEDS_NORMALISING, scanAnchors, type Candidate } from '../clause/scan';
import { onceFixes, type CheckContext, type FixSource } from '../context';
import type { CompiledClause, RuleSet } from '../pack/ruleSet';
import { sentenceClauseFixes } from './clauseFixes';
import { withoutYielded } from './clauseYield';
import { headingTitleSpans, isDefinition, isHeadingTitle, isRecital } from './clauseContext';
import { modelMessage, modelSeverity, withModel } from './clauseModel';
import { continuesPrevious, limitedByNext } from './clauseNeighbours';
import { rememberedEpoch } from '../textMemo';
import type { Sentence } from '../parse';

const NO_HITS: ClauseHit[] = [];

export interface ClauseHit {
  clause: CompiledClause;
  /** Offsets within the sentence text. */
  start: number;
  end: number;
  /** Set when the clause model, not the rule's pattern, judged the sentence: its probability. */
  model?: number;
}

/** Blanks, line breaks and invisible characters: a sentence holding one is normalised before the first pass (`NEEDS_NORMALISING_UNITS`). */
const NEEDS_NORMALISING_TEXT = /[\s\u200b-\u200d\u2060\ufeff\u00ad]/;

/**
 * Evaluate every clause rule on one sentence (and, for list items, the lead-in line that
 * introduces them). Pure: used by the document check and by the pack's own example tests.
 */
export function evaluateSentence(context: Pick<CheckContext, 'rules' | 'parties'>, text: string, category?: string, leadIn?: string): ClauseHit[] {
  // 本协议所称“保底收益”，是指……: a definition promises nothing, to the rules or to the model.
  return isDefinition(text) ? NO_HITS : judgeSentence(context, text, category, leadIn);
}

/** The rules' findings on a sentence that is not a definition, or the clause model's where they have none. */
function judgeSentence(context: Pick<CheckContext, 'rules' | 'parties'>, text: string, category: string | undefined, leadIn: string | undefined): ClauseHit[] {
  return withModel(context, text, category, leadIn, evaluateFrom(context, text, category, leadIn, undefined));
}

/**
 * `known`: the anchors of `text` when the caller has scanned it already (it needed no
 * normalising), with the rules they make possible when it has looked those up too (a
 * sentence without lead-in).
 */
function evaluateFrom(context: Pick<CheckContext, 'rules' | 'parties'>, text: string, category: string | undefined, leadIn: string | undefined, known: Set<string> | undefined, knownCandidates?: Candidate[]): ClauseHit[] {
  const index = context.rules.anchorIndex;
  let item: NormalisedText | null = null;
  let found: Set<string> | null;
  if (known) found = leadIn ? new Set(known) : known;
  else if (NEEDS_NORMALISING_TEXT.test(text)) {
    item = normaliseForMatch(text);
    found = anchorsIn(index, item.text, 0, item.text.length);
  } else {
    found = anchorsIn(index, text, 0, text.length);
  }
  // A slot may sit in the lead-in: its anchors count too.
  const lead = !leadIn ? '' : NEEDS_NORMALISING_TEXT.test(leadIn) || !foldsToItself(leadIn) ? normaliseForMatch(leadIn).text : leadIn;
  if (lead) found = anchorsIn(index, lead, 0, lead.length, found);
  if (!found && index.always.length === 0) return NO_HITS;
  let candidates = knownCandidates && !lead ? knownCandidates : candidatesFor(index, found, context.rules.concepts);
  if (category) candidates = candidates.filter((c) => !c.clause.rule.categories || c.clause.rule.categories.includes(category));
  if (candidates.length === 0) return NO_HITS;
  // Most sentences need no normalising: the matching text is the sentence itself.
  const normalised = item ?? (foldsToItself(text) ? null : normaliseForMatch(text));
  const itemText = normalised ? normalised.text : text;
  const back = (start: number, end: number) => (normalised ? originalRange(normalised, start, end) : { start: Math.max(0, start), end: Math.max(0, end) });
  const matcher = new SentenceMatcher(lead + itemText, context.rules.concepts, context.parties.mentions, lead.length, index.all, found);
  const out: ClauseHit[] = [];
  for (const { clause, patterns } of candidates) {
    const match = matcher.match(clause, patterns);
    if (!match) continue;
    // Words matched in the lead-in stay out of the item's finding: it starts at the item's first matched word.
    const start = match.start >= lead.length ? match.start : Math.min(...match.slots.filter((m) => m.start >= lead.length).map((m) => m.start));
    const span = clauseSpan(matcher.text, start, match.end);
    const range = back(span.start - lead.length, span.end - lead.length);
    out.push({ clause, start: range.start, end: range.end });
  }
  return withoutYielded(out);
}

/** Does folding leave the text as it is (no traditional or full-width character)? */
function foldsToItself(text: string): boolean {
  const fold = foldTable();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (fold[c] !== c) return false;
  }
  return true;
}

/**
 * The words that carry the risk, to the end of their comma-clause: from the first
 * matched word (a word of a concept, so a word boundary) to the end of the clause that
 * holds the last one when that is near (独家 → 独家合作权, 给予 → 给予扶持资金), never
 * cutting a word in two; a long clause keeps the matched words' own end.
 */
const SPAN_REACH = 16;

function clauseSpan(text: string, start: number, end: number): { start: number; end: number } {
  let to = clauseEnd(text, Math.max(start, end - 1));
  if (to < end || to - end > SPAN_REACH) to = end;
  while (to > end && /[\s。；;！!？?、]/.test(text[to - 1])) to--;
  return { start, end: to };
}

/** `clause/*`: forbidden content, decided per sentence. */
export function checkClauses(context: CheckContext): void {
  const category = context.category?.name;
  const count = context.doc.sentences.length;
  const memo = count >= MEMO_MIN_SENTENCES && count <= MEMO_GENERATION ? memoized(context, category) : null;
  const across = memo ? acrossMemo(context, category) : (joint: string, leadIn?: string) => evaluateFrom(context, joint, category, leadIn, undefined);
  const index = context.rules.anchorIndex;
  const { text } = context.doc;
  const titles = headingTitleSpans(context.doc);
  const sentences = context.doc.sentences;
  /** The rules' findings of the sentence before (none when it was skipped), for reading two sentences together. */
  let before: ClauseHit[] = NO_HITS;
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i];
    const previous = before;
    before = NO_HITS;
    if (isTitleOrRecital(sentence, titles)) continue;
    let found: ClauseHit[];
    const leadIn = sentence.leadIn?.text;
    // The memo's results already hold nothing for a definition: the pattern runs once per sentence text, not per version.
    if (memo) found = memo(sentence);
    else if (isDefinition(sentence.text)) continue;
    else {
      // The first pass reads the document text in place (a sentence is text[span.start, span.end)) and stops at
      // a blank or an invisible character (the sentence is then normalised first); most sentences wake no rule.
      const count = scanAnchors(index, text, sentence.span.start, sentence.span.end, true);
      if (count === NEEDS_NORMALISING) found = evaluateFrom(context, sentence.text, category, leadIn, undefined);
      else {
        const candidates = count > 0 || index.always.length > 0 ? candidatesForScan(index, count, context.rules.concepts) : undefined;
        const possible = leadIn !== undefined || index.always.length > 0 || (candidates !== undefined && candidates.length > 0);
        found = possible ? evaluateFrom(context, sentence.text, category, leadIn, count > 0 ? foundSet(index, count) : new Set(), candidates) : NO_HITS;
      }
      found = withModel(context, sentence.text, category, leadIn, found);
    }
    // 甲方给予乙方……补贴。上述补贴以国家和省统一政策为限: the next sentence makes this one lawful.
    if (found.length > 0 && limitedByNext(text, sentences, i)) found = NO_HITS;
    before = found;
    // Most sentences break no rule: nothing to report, nothing to allocate.
    if (found.length > 0) reportHits(context, sentence, found);
    if (continuesPrevious(text, sentences, i) && readAsClause(sentences[i - 1], titles) && !isDefinition(sentence.text)) reportAcross(context, across, sentences[i - 1], sentence, previous, found);
  }
}

const SENTENCE_END = /[。；;！!？?](?=\s*$)/;

/** 第六章 履约担保: a title names a subject, the clauses under it say what is agreed; 鉴于： opens recitals. */
function isTitleOrRecital(sentence: Sentence, titles: ReturnType<typeof headingTitleSpans>): boolean {
  return (titles.length > 0 && isHeadingTitle(sentence.span, titles)) || isRecital(sentence);
}

/** Is the sentence one the clause check reads (not a title, a recital or a definition)? */
function readAsClause(sentence: Sentence, titles: ReturnType<typeof headingTitleSpans>): boolean {
  return !isTitleOrRecital(sentence, titles) && !isDefinition(sentence.text);
}

/**
 * 乙方承诺将营业收入全部纳入甲方统计。甲方据此给予经营贡献奖励: a sentence that points back is read
 * with the one before, by the rules alone. A rule that neither sentence broke alone, and whose words
 * stand in both, is reported over the two; it offers no rewording (a fix rewrites one sentence).
 */
function reportAcross(context: CheckContext, rulesOn: (joint: string, leadIn?: string) => ClauseHit[], first: Sentence, second: Sentence, firstHits: ClauseHit[], secondHits: ClauseHit[]): void {
  const seam = first.text.length;
  // The first sentence's full stop read as a comma (same length, so offsets hold): one sentence of two clauses.
  for (const hit of rulesOn(first.text.replace(SENTENCE_END, '，') + second.text, first.leadIn?.text)) {
    if (hit.start >= seam || hit.end <= seam) continue;
    if (firstHits.some((h) => h.clause === hit.clause) || secondHits.some((h) => h.clause === hit.clause)) continue;
    reportClause(context, hit, first.span.start + hit.start, second.span.start + (hit.end - seam), []);
  }
}

/**
 * The findings of one sentence. A function of its own: a closure made in the loop above would
 * have V8 allocate a context for every sentence the loop visits, hits or not.
 */
function reportHits(context: CheckContext, sentence: Sentence, found: ClauseHit[]): void {
  // One set of fixes per sentence: every rule's finding of it offers the same (combined) rewording.
  // A model's judgement offers none: which risk it is, the officer decides.
  const ruleHits = found[found.length - 1].model === undefined ? found : found.slice(0, -1);
  const fixes = ruleHits.length > 0 ? onceFixes(() => sentenceClauseFixes(context, sentence, ruleHits)) : [];
  for (const hit of found) reportClause(context, hit, sentence.span.start + hit.start, sentence.span.start + hit.end, hit.model === undefined ? fixes : []);
}

/** A clause rule's finding over [start, end) of the document: the rule's words, or the model's judgement of its family. */
function reportClause(context: CheckContext, hit: ClauseHit, start: number, end: number, fixes: FixSource): void {
  const rule = hit.clause.rule;
  context.report({
    rule: rule.id,
    severity: hit.model === undefined ? rule.severity : modelSeverity(rule.severity),
    message: hit.model === undefined ? `${rule.message}${rule.advice}` : modelMessage(rule.title, hit.model, rule.advice),
    span: { start, end },
    citation: context.rules.resolve(rule.citation),
    seeAlso: rule.seeAlso?.map((ref) => context.rules.resolve(ref)).filter((c) => c !== undefined),
    fixes,
  });
}


/**
 * Re-analysing a long document after a one-character edit re-evaluates one sentence, not
 * thirty thousand: `evaluateSentence` is pure in (rule set, parties, category, sentence
 * text), so long documents reuse earlier results by sentence text. Two generations of at
 * most MEMO_GENERATION entries bound the memory; keys are flattened copies, so a cached
 * sentence never keeps an old version of the whole document alive. Short documents skip
 * the memo (their analysis is already fast, and each key costs a copy), and so do
 * documents with more sentences than a generation holds (they would only churn it).
 */
const MEMO_MIN_SENTENCES = 400;
const MEMO_GENERATION = 40000;

/** The results by sentence text (`current`, `previous`), and by sentence and piece id. */
interface ClauseMemo extends TextGenerations {
  key: string;
  /** The rules' findings of two sentences read together (see reportAcross), by their joint text. */
  across: TextGenerations;
  /**
   * The same by sentence id (see `Sentence.id`; with a lead-in, both ids): a number is looked up
   * without reading the sentence's characters. Cleared with the text generations.
   */
  byId: Map<number, ClauseHit[]>;
  /**
   * The same again by piece id (see `Piece.id`): the ids and results of the piece's sentences in
   * the order they were asked for, so an unchanged piece costs one lookup, not one per sentence.
   * Each slot is checked against the sentence's id before its result is used. Cleared with `byId`.
   */
  byPiece: Map<number, PieceHits>;
}

interface PieceHits {
  ids: number[];
  hits: ClauseHit[][];
}

const memos = new WeakMap<RuleSet, ClauseMemo>();

/** Ids below this fit beside a lead-in's id in one safe integer. */
const ID_LIMIT = 2 ** 26;

function memoized(context: CheckContext, category: string | undefined): (sentence: Sentence) => ClauseHit[] {
  const key = `${rememberedEpoch()}\u0000${category ?? ''}\u0000${context.parties.mentions.map((m) => `${m.text}${m.government ? '+' : '-'}`).join('\u0001')}`;
  let memo = memos.get(context.rules);
  if (!memo || memo.key !== key) {
    memo = { key, across: { current: new Map(), previous: new Map() }, current: new Map(), previous: new Map(), byId: new Map(), byPiece: new Map() };
    memos.set(context.rules, memo);
  }
  const table = memo;
  const byText = textMemo(context, category, table);
  const byId = (id: number, sentence: Sentence): ClauseHit[] => {
    let hits = table.byId.get(id);
    if (!hits) {
      hits = byText(sentence.text, sentence.leadIn?.text);
      if (table.byId.size >= MEMO_GENERATION) {
        table.byId = new Map();
        table.byPiece = new Map();
      }
      table.byId.set(id, hits);
    }
    return hits;
  };
  // Sentences are asked for in document order: a cursor over the pieces finds each one's piece.
  const pieces = context.doc.pieces;
  let p = 0;
  let slot: PieceHits | undefined;
  let asked = 0;
  return (sentence) => {
    const leadIn = sentence.leadIn;
    const id = sentence.id !== undefined && sentence.id < ID_LIMIT && (leadIn === undefined || (leadIn.id !== undefined && leadIn.id < ID_LIMIT)) ? (leadIn ? leadIn.id! * ID_LIMIT : 0) + sentence.id : -1;
    if (id < 0) return byText(sentence.text, leadIn?.text);
    if (p < pieces.length && sentence.span.start >= pieces[p].end) {
      while (p < pieces.length && sentence.span.start >= pieces[p].end) p++;
      slot = undefined;
    }
    const piece = pieces[p];
    if (!piece || piece.id === 0 || sentence.span.start < piece.start) return byId(id, sentence);
    if (!slot) {
      slot = table.byPiece.get(piece.id);
      if (!slot) {
        if (table.byPiece.size >= MEMO_GENERATION) table.byPiece = new Map();
        table.byPiece.set(piece.id, (slot = { ids: [], hits: [] }));
      }
      asked = 0;
    }
    const k = asked++;
    if (slot.ids[k] === id) return slot.hits[k];
    const hits = byId(id, sentence);
    slot.ids[k] = id;
    slot.hits[k] = hits;
    return hits;
  };
}

/** The rules alone on two sentences read together, remembered by their text (the table `memoized` keeps for this rule set). */
function acrossMemo(context: CheckContext, category: string | undefined): (joint: string, leadIn?: string) => ClauseHit[] {
  const generations = memos.get(context.rules)!.across;
  return (joint, leadIn) => rememberedByText(generations, leadIn, joint, () => evaluateFrom(context, joint, category, leadIn, undefined));
}

function textMemo(context: CheckContext, category: string | undefined, table: ClauseMemo): (text: string, leadIn?: string) => ClauseHit[] {
  const rotated = () => {
    table.byId = new Map();
  };
  return (sentence, leadIn) =>
    rememberedByText(table, leadIn, sentence, () => (isDefinition(sentence) ? NO_HITS : judgeSentence(context, sentence, category, leadIn)), rotated);
}

/** Two generations of results by text: the current one, and the one before it, read until the next rotation. */
interface TextGenerations {
  current: Map<string, ClauseHit[]>;
  previous: Map<string, ClauseHit[]>;
}

/** The result for `text` (with its lead-in: both are the key), from `generations` or computed and kept there. */
function rememberedByText(generations: TextGenerations, leadIn: string | undefined, text: string, compute: () => ClauseHit[], rotated?: () => void): ClauseHit[] {
  const key = leadIn === undefined ? text : `${leadIn}\u0000${text}`;
  let hits = generations.current.get(key);
  if (hits) return hits;
  hits = generations.previous.get(key);
  if (!hits) {
    const found = compute();
    hits = found.length > 0 ? found : NO_HITS;
  }
  if (generations.current.size >= MEMO_GENERATION) {
    generations.previous = generations.current;
    generations.current = new Map();
    rotated?.();
  }
  // (' ' + key).slice(1) is a flat copy: the key must not pin the document the sentence was sliced from.
  generations.current.set((' ' + key).slice(1), hits);
  return hits;
}
