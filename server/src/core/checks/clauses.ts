import type { CheckContext } from '../context';
import type { CompiledClause, RuleSet } from '../pack/ruleSet';
import type { Sentence } from '../parse';
import type { Fix, OffsetEdit } from '../types';
import { actingParty, clauseEnd, clauseStart, insideAny, negatedAfter, negatedBefore, quotedSpans } from './clauseLanguage';

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
  const index = triggerIndex(context.rules);
  // At each position, the first phrase in pattern order (longest first) that starts there
  // is a hit, as `triggerPattern` scanned with lastIndex = match + 1 would find it.
  const hits = new Map<string, number[]>();
  // Occurrences of phrases that lost to a longer phrase at the same position.
  let others: Map<string, number[]> | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (index.first[c] === 0) continue;
    let preferred = true;
    for (const phrase of index.byFirst.get(c)!) {
      if (!text.startsWith(phrase, i)) continue;
      const into: Map<string, number[]> = preferred ? hits : (others ??= new Map());
      preferred = false;
      const list = into.get(phrase);
      if (list) list.push(i);
      else into.set(phrase, [i]);
    }
  }
  if (hits.size === 0) return [];
  // Shorter phrases hidden inside a longer hit (担保 inside 履约担保) still count.
  if (others) {
    for (const phrase of context.rules.triggerOwners.keys()) {
      if (hits.has(phrase)) continue;
      const list = others.get(phrase);
      if (list) hits.set(phrase, list);
    }
  }
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
  /** 1 for char codes that start some trigger phrase. */
  first: Uint8Array;
  /** Phrases by first char code, in the pattern's order (longest first, then code-unit order). */
  byFirst: Map<number, string[]>;
}

const triggerIndexes = new WeakMap<RuleSet, TriggerIndex>();

/** Built once per rule set: a first-character table over the trigger phrases, in place of one big alternation. */
function triggerIndex(rules: RuleSet): TriggerIndex {
  let index = triggerIndexes.get(rules);
  if (index) return index;
  const phrases = [...rules.triggerOwners.keys()].filter((p) => p.length > 0).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  index = { first: new Uint8Array(65536), byFirst: new Map() };
  for (const phrase of phrases) {
    const c = phrase.charCodeAt(0);
    index.first[c] = 1;
    const list = index.byFirst.get(c);
    if (list) list.push(phrase);
    else index.byFirst.set(c, [phrase]);
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
  if (rule.unless?.some((phrase) => text.includes(phrase))) return null;
  // For each group, the earliest unquoted, un-negated occurrence.
  const chosen: Array<{ start: number; end: number }> = [];
  for (const group of clause.groups) {
    let best: { start: number; end: number } | null = null;
    for (const phrase of group) {
      for (const at of hits.get(phrase) ?? []) {
        if (insideAny(at, quotes)) continue;
        if (!best || at < best.start) best = { start: at, end: at + phrase.length };
      }
    }
    if (!best) return null;
    chosen.push(best);
  }
  const primary = chosen[0];
  const start = Math.min(...chosen.map((c) => c.start));
  const end = Math.max(...chosen.map((c) => c.end));
  if (rule.negatable !== false) {
    const from = clauseStart(text, start);
    if (negatedBefore(text, from, start)) return null;
    if (negatedAfter(text, end, clauseEnd(text, end))) return null;
  }
  if (rule.actor === 'government') {
    const actor = actingParty(text, primary.start, context.parties.mentions);
    if (actor && !actor.government) return null;
  }
  return { clause, start, end };
}

/** `clause/*`: forbidden content, decided per sentence. */
export function checkClauses(context: CheckContext): void {
  const category = context.category?.name;
  for (const sentence of context.doc.sentences) {
    for (const hit of evaluateSentence(context, sentence.text, category)) {
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
  const lineStart = lines.lineStarts[line];
  const lineEnd = lines.lineContentEnd(line);
  const before = text.slice(lineStart, sentence.span.start);
  const after = text.slice(sentence.span.end, lineEnd);
  if (/^[ \t\u3000]*$/.test(before) && /^[ \t\u3000]*$/.test(after)) {
    const nextStart = line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : lineEnd;
    return { start: lineStart, end: nextStart, newText: '' };
  }
  return { start: sentence.span.start, end: sentence.span.end, newText: '' };
}
