import type { CheckContext } from '../context';
import type { CompiledClause } from '../pack/ruleSet';
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
  const pattern = context.rules.triggerPattern;
  if (!pattern) return [];
  const hits = new Map<string, number[]>();
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text))) {
    const list = hits.get(m[0]) ?? [];
    list.push(m.index);
    hits.set(m[0], list);
    pattern.lastIndex = m.index + 1;
  }
  if (hits.size === 0) return [];
  // Shorter phrases hidden inside a longer hit (担保 inside 履约担保) still count.
  for (const phrase of context.rules.triggerOwners.keys()) {
    if (hits.has(phrase)) continue;
    const at = text.indexOf(phrase);
    if (at >= 0) {
      const list: number[] = [];
      for (let i = at; i >= 0; i = text.indexOf(phrase, i + 1)) list.push(i);
      hits.set(phrase, list);
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
