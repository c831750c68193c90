import type { CheckContext } from '../context';
import type { CompiledClause, RuleSet } from '../pack/ruleSet';
import type { Sentence } from '../parse';
import type { Fix, OffsetEdit } from '../types';
import { GAP_LIMIT, gappedParts } from '../pack/ruleSet';
import { actingParty, clauseEnd, clauseStart, containsPhrase, falseCompound, gappedEnd, insideAny, negatedAfter, negatedBefore, quotedSpans } from './clauseLanguage';

export interface ClauseHit {
  clause: CompiledClause;
  /** Offsets within the sentence text. */
  start: number;
  end: number;
}

/**
 * Evaluate every clause rule on one sentence. Pure: used by the document check and
 * by the pack's own example tests.
 */
export function evaluateSentence(context: Pick<CheckContext, 'rules' | 'parties'>, text: string, category?: string): ClauseHit[] {
  if (!context.rules.triggerPattern) return [];
  const hits = scanTriggers(triggerIndex(context.rules), text, 0, text.length);
  return hits ? evaluateHits(context, text, hits, category) : [];
}

/**
 * Trigger phrases in `text[from, to)`, positions relative to `from`; null when there are none.
 * At each position, the first phrase in pattern order (longest first) that starts there is
 * a hit, as `triggerPattern` scanned with lastIndex = match + 1 would find it; shorter
 * phrases hidden inside a longer hit (担保 inside 履约担保) are added after, in rule-set order.
 */
function scanTriggers(index: TriggerIndex, text: string, from: number, to: number): Map<string, number[]> | null {
  let hits: Map<string, number[]> | null = null;
  // Occurrences of phrases that lost to a longer phrase at the same position.
  let others: Map<string, number[]> | null = null;
  let next = from < to ? text.charCodeAt(from) : 0;
  for (let p = from; p < to; p++) {
    const c = next;
    next = p + 1 < to ? text.charCodeAt(p + 1) : -1;
    // Two typed-array probes per character; a Map lookup only where some phrase may start.
    const pairHit = next >= 0 && index.pairHash[((c << 5) ^ next) & 0xffff] === 1;
    const singleHit = index.singleStart[c] === 1;
    if (!pairHit && !singleHit) continue;
    // Longer phrases (keyed by their first two code units) come before one-unit phrases in pattern order.
    const longer = pairHit ? index.byPair.get(((c << 16) | next) >>> 0) : undefined;
    const single = singleHit ? index.single.get(c) : undefined;
    if (!longer && !single) continue;
    let preferred = true;
    const count = (longer?.length ?? 0) + (single?.length ?? 0);
    for (let k = 0; k < count; k++) {
      const phrase = longer && k < longer.length ? longer[k] : single![k - (longer?.length ?? 0)];
      if (p + phrase.length > to || !text.startsWith(phrase, p)) continue;
      const into: Map<string, number[]> = preferred ? (hits ??= new Map()) : (others ??= new Map());
      preferred = false;
      const found = into.get(phrase);
      if (found) found.push(p - from);
      else into.set(phrase, [p - from]);
    }
  }
  if (!hits) return null;
  if (others) {
    // In the rule set's phrase order (as a scan of every phrase would add them), not all ~400 phrases per sentence.
    const found = hits;
    const extra = [...others.keys()].filter((phrase) => !found.has(phrase));
    if (extra.length > 1) extra.sort((a, b) => index.order.get(a)! - index.order.get(b)!);
    for (const phrase of extra) hits.set(phrase, others.get(phrase)!);
  }
  return hits;
}

/** Every clause rule owning a hit phrase, evaluated on the sentence. */
function evaluateHits(context: Pick<CheckContext, 'rules' | 'parties'>, text: string, hits: Map<string, number[]>, category?: string): ClauseHit[] {
  const quotes = quotedSpans(text);
  const candidates = new Set<CompiledClause>();
  for (const phrase of hits.keys()) for (const owner of context.rules.triggerOwners.get(phrase) ?? []) candidates.add(owner);
  const out: ClauseHit[] = [];
  for (const clause of candidates) {
    const hit = evaluateClause(context, clause, text, hits, quotes, category);
    if (hit) out.push(hit);
  }
  return out;
}

interface TriggerIndex {
  /** 1 at ((c0 << 5) ^ c1) & 0xffff for the first two code units of some phrase of two or more (a filter: collisions are fine). */
  pairHash: Uint8Array;
  /** 1 for char codes that are a whole one-unit phrase. */
  singleStart: Uint8Array;
  /** Phrases of two or more code units by their first two (c0 << 16 | c1), in the pattern's order (longest first, then code-unit order). */
  byPair: Map<number, string[]>;
  /** One-unit phrases by their char code. */
  single: Map<number, string[]>;
  /** Position of each phrase in `triggerOwners` key order. */
  order: Map<string, number>;
}

const triggerIndexes = new WeakMap<RuleSet, TriggerIndex>();

/** Built once per rule set: a first-two-characters table over the trigger phrases, in place of one big alternation. */
function triggerIndex(rules: RuleSet): TriggerIndex {
  let index = triggerIndexes.get(rules);
  if (index) return index;
  const phrases = [...rules.triggerOwners.keys()].filter((p) => p.length > 0).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  index = { pairHash: new Uint8Array(65536), singleStart: new Uint8Array(65536), byPair: new Map(), single: new Map(), order: new Map() };
  for (const phrase of rules.triggerOwners.keys()) index.order.set(phrase, index.order.size);
  for (const phrase of phrases) {
    const c = phrase.charCodeAt(0);
    let key: number;
    let table: Map<number, string[]>;
    if (phrase.length === 1) {
      index.singleStart[c] = 1;
      key = c;
      table = index.single;
    } else {
      const d = phrase.charCodeAt(1);
      index.pairHash[((c << 5) ^ d) & 0xffff] = 1;
      key = ((c << 16) | d) >>> 0;
      table = index.byPair;
    }
    const list = table.get(key);
    if (list) list.push(phrase);
    else table.set(key, [phrase]);
  }
  triggerIndexes.set(rules, index);
  return index;
}

function evaluateClause(
  context: Pick<CheckContext, 'rules' | 'parties'>,
  clause: CompiledClause,
  text: string,
  hits: Map<string, number[]>,
  quotes: Array<[number, number]>,
  category?: string,
): ClauseHit | null {
  const rule = clause.rule;
  if (rule.categories && category && !rule.categories.includes(category)) return null;
  // Cheap necessary condition before the `unless` scans: every group has some phrase in the sentence.
  for (const group of clause.groups) if (!group.some((phrase) => hits.has(clause.parts.get(phrase)?.[0] ?? phrase))) return null;
  if (rule.unless?.some((phrase) => containsPhrase(text, phrase, gappedParts(phrase), GAP_LIMIT))) return null;
  // Every unquoted occurrence of each group, in text order.
  const occurrences: Array<Array<{ start: number; end: number }>> = [];
  for (const group of clause.groups) {
    const found: Array<{ start: number; end: number }> = [];
    for (const phrase of group) {
      const parts = clause.parts.get(phrase);
      const first = parts ? parts[0] : phrase;
      for (const at of hits.get(first) ?? []) {
        if (insideAny(at, quotes) || falseCompound(text, at, first)) continue;
        const end = parts ? gappedEnd(text, at, parts, GAP_LIMIT) : at + phrase.length;
        if (end >= 0) found.push({ start: at, end });
      }
    }
    if (found.length === 0) return null;
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    occurrences.push(found);
  }
  // The first occurrence of the first group that is neither negated nor done by the wrong party
  // (本协议不设排他性条款，但乙方享有独家经营权 → the second one); other groups: their earliest.
  const others = occurrences.slice(1).map((list) => list[0]);
  for (const primary of occurrences[0]) {
    const chosen = [primary, ...others];
    const start = Math.min(...chosen.map((c) => c.start));
    const end = Math.max(...chosen.map((c) => c.end));
    if (rule.negatable !== false) {
      const from = clauseStart(text, start);
      if (negatedBefore(text, from, start)) continue;
      if (negatedAfter(text, end, clauseEnd(text, end))) continue;
    }
    if (rule.actor === 'government' || rule.actor === 'counterparty') {
      const actor = actingParty(text, primary.start, context.parties.mentions);
      if (actor && actor.government !== (rule.actor === 'government')) continue;
    }
    return { clause, start, end };
  }
  return null;
}

/** `clause/*`: forbidden content, decided per sentence. */
export function checkClauses(context: CheckContext): void {
  const category = context.category?.name;
  const count = context.doc.sentences.length;
  const memo = count >= MEMO_MIN_SENTENCES && count <= MEMO_GENERATION ? memoized(context, category) : null;
  const index = context.rules.triggerPattern ? triggerIndex(context.rules) : null;
  const { text } = context.doc;
  for (const sentence of context.doc.sentences) {
    let found: ClauseHit[];
    if (memo) found = memo(sentence.text);
    else {
      // Scan the document text in place (a sentence is text[span.start, span.end)); most sentences have no trigger.
      const hits = index ? scanTriggers(index, text, sentence.span.start, sentence.span.end) : null;
      found = hits ? evaluateHits(context, sentence.text, hits, category) : NO_HITS;
    }
    for (const hit of found) {
      const rule = hit.clause.rule;
      context.report({
        rule: rule.id,
        severity: rule.severity,
        message: `${rule.message}${rule.advice}`,
        span: { start: sentence.span.start + hit.start, end: sentence.span.start + hit.end },
        citation: context.rules.resolve(rule.citation),
        seeAlso: rule.seeAlso?.map((ref) => context.rules.resolve(ref)).filter((c) => c !== undefined),
        fixes: clauseFixes(context, sentence, rule.replacement),
      });
    }
  }
}

function clauseFixes(context: CheckContext, sentence: Sentence, replacement?: string): Fix[] {
  const fixes: Fix[] = [];
  if (replacement) {
    fixes.push({
      title: `改为合规表述：“${replacement}”`,
      edits: [{ start: sentence.span.start, end: sentence.span.end, newText: replacement }],
      safe: false,
      preferred: true,
    });
  }
  fixes.push({ title: '删除此句', edits: [removeSentenceEdit(context, sentence)], safe: false, preferred: !replacement });
  return fixes;
}

/** Delete a sentence; when it is alone on its line, delete the line with its break. */
function removeSentenceEdit(context: CheckContext, sentence: Sentence): OffsetEdit {
  const { lines, text } = context.doc;
  const line = lines.positionAt(sentence.span.start).line;
  // A sentence broken across lines ends on a later line than it starts.
  const lastLine = lines.positionAt(sentence.span.end).line;
  const lineStart = lines.lineStarts[line];
  const lineEnd = lines.lineContentEnd(lastLine);
  const before = text.slice(lineStart, sentence.span.start);
  const after = text.slice(sentence.span.end, lineEnd);
  if (/^[ \t\u3000]*$/.test(before) && /^[ \t\u3000]*$/.test(after)) {
    const nextStart = lastLine + 1 < lines.lineCount ? lines.lineStarts[lastLine + 1] : lineEnd;
    return { start: lineStart, end: nextStart, newText: '' };
  }
  return { start: sentence.span.start, end: sentence.span.end, newText: '' };
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
const NO_HITS: ClauseHit[] = [];

interface ClauseMemo {
  key: string;
  current: Map<string, ClauseHit[]>;
  previous: Map<string, ClauseHit[]>;
}

const memos = new WeakMap<RuleSet, ClauseMemo>();

function memoized(context: CheckContext, category: string | undefined): (text: string) => ClauseHit[] {
  const key = `${category ?? ''}\u0000${context.parties.mentions.map((m) => `${m.text}${m.government ? '+' : '-'}`).join('\u0001')}`;
  let memo = memos.get(context.rules);
  if (!memo || memo.key !== key) {
    memo = { key, current: new Map(), previous: new Map() };
    memos.set(context.rules, memo);
  }
  const table = memo;
  return (text) => {
    let hits = table.current.get(text);
    if (hits) return hits;
    hits = table.previous.get(text);
    if (!hits) {
      const found = evaluateSentence(context, text, category);
      hits = found.length > 0 ? found : NO_HITS;
    }
    if (table.current.size >= MEMO_GENERATION) {
      table.previous = table.current;
      table.current = new Map();
    }
    // (' ' + text).slice(1) is a flat copy: the key must not pin the document the sentence was sliced from.
    table.current.set((' ' + text).slice(1), hits);
    return hits;
  };
}
