/**
 * Clause rules compiled against the merged concepts, once per rule set: every rule
 * becomes slots over concepts (the `any` / `all` shorthand included), and each rule gets
 * the anchor literals the scanner looks for before the rule is tried on a sentence.
 */
import type { ClausePattern, ClauseRule } from '../pack/types';
import { anchorOf, COUNTERPARTY, GOVERNMENT_SIDE, inlineConcept, type Concept } from './concepts';

export interface CompiledSlot {
  role: string;
  concept: Concept;
  negatable: boolean;
}

export interface CompiledClause {
  rule: ClauseRule;
  /** The rule's pattern, then its alternatives: the rule matches when one of them does. */
  patterns: CompiledPattern[];
  /** Literals one of which every match of some pattern contains; null: the rule is tried on every sentence. */
  anchors: Set<string> | null;
}

export interface CompiledPattern {
  slots: CompiledSlot[];
  /** Index of the head slot in `slots`. */
  head: number;
  within: 'clause' | 'sentence' | 'item';
  actor: 'government' | 'counterparty' | 'any';
  unless: Concept | null;
  anchors: Set<string> | null;
}

/** The pattern a rule stands for: its own, or the one its shorthand means. */
export function patternOf(rule: ClauseRule): ClausePattern | null {
  if (rule.pattern) return rule.pattern;
  const groups = (rule.all ?? (rule.any ? [rule.any] : [])).map((g) => g.filter((p) => p.length > 0));
  if (groups.length === 0 || groups.some((g) => g.length === 0)) return null;
  return {
    slots: groups.map((terms, i) => ({ role: i === 0 ? 'head' : `group${i + 1}`, terms, negatable: rule.negatable !== false })),
    actor: rule.actor,
    unless: rule.unless,
  };
}

export function compileClause(rule: ClauseRule, concepts: Map<string, Concept>): CompiledClause | null {
  const first = patternOf(rule);
  if (!first) return null;
  const patterns: CompiledPattern[] = [];
  for (const [k, pattern] of [first, ...(rule.alternatives ?? [])].entries()) {
    const compiled = compilePattern(rule, pattern, k, concepts);
    if (compiled) patterns.push(compiled);
  }
  if (patterns.length === 0) return null;
  let anchors: Set<string> | null = new Set();
  for (const p of patterns) {
    if (!p.anchors) {
      anchors = null;
      break;
    }
    for (const a of p.anchors) anchors.add(a);
  }
  return { rule, patterns, anchors };
}

function compilePattern(rule: ClauseRule, pattern: ClausePattern, k: number, concepts: Map<string, Concept>): CompiledPattern | null {
  if (pattern.slots.length === 0) return null;
  const slots: CompiledSlot[] = [];
  for (const [i, slot] of pattern.slots.entries()) {
    const concept = slot.concept ? concepts.get(slot.concept) : slot.terms ? inlineConcept(`${rule.id}#${k}.${i}`, slot.terms) : undefined;
    // A slot naming an unknown concept can never match: the rule is left out (the loader reports it).
    if (!concept) return null;
    slots.push({ role: slot.role, concept, negatable: slot.negatable !== false && (rule.pattern ? true : rule.negatable !== false) });
  }
  const headIndex = pattern.head ? pattern.slots.findIndex((s) => s.role === pattern.head) : 0;
  const unless = pattern.unless && pattern.unless.length > 0 ? inlineConcept(`${rule.id}#${k}.unless`, pattern.unless) : null;
  const compiled: CompiledPattern = {
    slots,
    head: headIndex >= 0 ? headIndex : 0,
    within: pattern.within ?? 'item',
    actor: pattern.actor ?? (rule.pattern ? 'any' : (rule.actor ?? 'any')),
    unless,
    anchors: null,
  };
  compiled.anchors = ruleAnchors(compiled, concepts);
  return compiled;
}

/** The anchors of the slot whose shortest anchor is longest (the rarest), if some slot has anchors. */
function ruleAnchors(clause: CompiledPattern, concepts: Map<string, Concept>): Set<string> | null {
  let best: Set<string> | null = null;
  let bestScore = -1;
  for (const slot of clause.slots) {
    const anchors = conceptAnchors(slot.concept, concepts, new Set());
    if (!anchors || anchors.size === 0) continue;
    const score = Math.min(...[...anchors].map((a) => a.length)) * 1000 - anchors.size;
    if (score > bestScore) {
      best = anchors;
      bestScore = score;
    }
  }
  return best;
}

/** Literals one of which every occurrence of the concept contains; null when some term has none (or is a party). */
export function conceptAnchors(concept: Concept, concepts: Map<string, Concept>, seen: Set<string>): Set<string> | null {
  if (concept.name === GOVERNMENT_SIDE || concept.name === COUNTERPARTY || seen.has(concept.name)) return null;
  seen.add(concept.name);
  const out = new Set<string>();
  for (const term of concept.terms) {
    const anchor = anchorOf(term);
    if (anchor) {
      out.add(anchor);
      continue;
    }
    const ref = term.pieces.find((p) => p.kind === 'ref');
    const sub = ref && ref.kind === 'ref' ? concepts.get(ref.name) : undefined;
    const subAnchors = sub ? conceptAnchors(sub, concepts, seen) : null;
    if (!subAnchors) return null;
    for (const a of subAnchors) out.add(a);
  }
  seen.delete(concept.name);
  return out;
}
