/**
 * Clause rules compiled against the merged concepts, once per rule set: every rule
 * becomes slots over concepts (the `any` / `all` shorthand included), and each rule gets
 * the anchor literals the scanner looks for before the rule is tried on a sentence.
 */
import type { ClausePattern, ClauseRule } from '../pack/types';
import { COUNTERPARTY, GOVERNMENT_SIDE, inlineConcept, type Concept } from './concepts';

export interface CompiledSlot {
  role: string;
  concept: Concept;
  negatable: boolean;
}

export interface CompiledClause {
  rule: ClauseRule;
  /** The rule's pattern, then its alternatives: the rule matches when one of them does. */
  patterns: CompiledPattern[];
  /** Every literal of every pattern (what the first pass records). */
  anchors: Set<string>;
  /** Literals one of which every match of some pattern contains; null: the rule is tried on every sentence. */
  keys: Set<string> | null;
}

export interface CompiledPattern {
  slots: CompiledSlot[];
  /** Index of the head slot in `slots`. */
  head: number;
  within: 'clause' | 'sentence' | 'item';
  actor: 'government' | 'government-body' | 'counterparty' | 'any';
  unless: Concept | null;
  /** Every literal the pattern's concepts hold: what the first pass records. */
  anchors: Set<string> | null;
  /** The literals of its rarest slot, one of which every match contains: which rules a sentence wakes. */
  keys: Set<string> | null;
  /** Per slot: one literal of each of its terms (null when a term is only a party). */
  slotKeys: Array<Set<string> | null>;
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
  const anchors = new Set<string>();
  let keys: Set<string> | null = new Set();
  for (const p of patterns) {
    for (const a of p.anchors ?? []) anchors.add(a);
    if (!p.keys) keys = null;
    else if (keys) for (const k of p.keys) keys.add(k);
  }
  return { rule, patterns, anchors, keys };
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
    keys: null,
    slotKeys: [],
  };
  compiled.slotKeys = compiled.slots.map((slot) => termAnchors(slot.concept, concepts, new Set()));
  compiled.keys = keySlotAnchors(compiled);
  const literals = new Set<string>();
  const seen = new Set<string>();
  for (const slot of compiled.slots) collectLiterals(slot.concept, concepts, seen, literals);
  compiled.anchors = literals.size > 0 ? literals : null;
  return compiled;
}

/** Literals one of which every occurrence of the concept contains; null when some term has none (or is a party). */
/**
 * Can the pattern match a sentence whose first pass found `found`? Every slot with known
 * anchors (one literal of each of its terms) needs one of them. A necessary test, cheap.
 */
export function viable(pattern: CompiledPattern, found: Set<string>): boolean {
  for (const anchors of pattern.slotKeys) {
    if (!anchors) continue;
    const foundSmaller = found.size <= anchors.size;
    const small = foundSmaller ? found : anchors;
    const large = foundSmaller ? anchors : found;
    let any = false;
    for (const a of small) {
      if (large.has(a)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

/**
 * The exact test after `viable`: every slot needs a term whose literals are all among
 * `found` and whose referenced concepts are possible in turn (parties always are).
 * `memo` is per sentence.
 */
export function possible(pattern: CompiledPattern, found: Set<string>, scanned: Set<string>, concepts: Map<string, Concept>, memo: Map<Concept, boolean>): boolean {
  for (const slot of pattern.slots) if (!conceptPossible(slot.concept, found, scanned, concepts, memo)) return false;
  return true;
}

/** A literal the first pass does not record (a single character) may be there. */
function conceptPossible(concept: Concept, found: Set<string>, scanned: Set<string>, concepts: Map<string, Concept>, memo: Map<Concept, boolean>): boolean {
  if (concept.name === GOVERNMENT_SIDE || concept.name === COUNTERPARTY) return true;
  const known = memo.get(concept);
  if (known !== undefined) return known;
  // A cycle (a concept reaching itself through references) counts as possible.
  memo.set(concept, true);
  let result = false;
  for (const term of concept.terms) {
    let ok = true;
    for (const piece of term.pieces) {
      if (piece.kind === 'lit' ? scanned.has(piece.text) && !found.has(piece.text) : piece.kind === 'ref' && !refPossible(piece.name, found, scanned, concepts, memo)) {
        ok = false;
        break;
      }
    }
    if (ok) {
      result = true;
      break;
    }
  }
  memo.set(concept, result);
  return result;
}

function refPossible(name: string, found: Set<string>, scanned: Set<string>, concepts: Map<string, Concept>, memo: Map<Concept, boolean>): boolean {
  const concept = concepts.get(name);
  return concept !== undefined && conceptPossible(concept, found, scanned, concepts, memo);
}

/** The anchors of the slot whose shortest anchor is longest (the rarest); null when no slot has them. */
function keySlotAnchors(pattern: CompiledPattern): Set<string> | null {
  let best: Set<string> | null = null;
  let bestScore = -Infinity;
  for (const anchors of pattern.slotKeys) {
    if (!anchors || anchors.size === 0) continue;
    const score = Math.min(...[...anchors].map((a) => a.length)) * 1000 - anchors.size;
    if (score > bestScore) {
      best = anchors;
      bestScore = score;
    }
  }
  return best;
}

/** One literal per term (its longest), expanding terms that are only a reference; null when a term is only a party. */
function termAnchors(concept: Concept, concepts: Map<string, Concept>, seen: Set<string>): Set<string> | null {
  if (concept.name === GOVERNMENT_SIDE || concept.name === COUNTERPARTY || seen.has(concept.name)) return null;
  seen.add(concept.name);
  const out = new Set<string>();
  for (const term of concept.terms) {
    let longest: string | null = null;
    // On a tie the later literal: the noun after a gap (确保…收益 → 收益) is rarer than the verb before it.
    for (const piece of term.pieces) if (piece.kind === 'lit' && (!longest || piece.text.length >= longest.length)) longest = piece.text;
    if (longest) {
      out.add(longest);
      continue;
    }
    const ref = term.pieces.find((p) => p.kind === 'ref');
    const sub = ref && ref.kind === 'ref' ? concepts.get(ref.name) : undefined;
    const subAnchors = sub ? termAnchors(sub, concepts, seen) : null;
    if (!subAnchors) {
      seen.delete(concept.name);
      return null;
    }
    for (const a of subAnchors) out.add(a);
  }
  seen.delete(concept.name);
  return out;
}

/** Every literal of the concept's terms and of the concepts they reference (parties aside): what the first pass must look for. */
function collectLiterals(concept: Concept, concepts: Map<string, Concept>, seen: Set<string>, into: Set<string>): void {
  if (concept.name === GOVERNMENT_SIDE || concept.name === COUNTERPARTY || seen.has(concept.name)) return;
  seen.add(concept.name);
  for (const term of concept.terms) {
    for (const piece of term.pieces) {
      if (piece.kind === 'lit') into.add(piece.text);
      else if (piece.kind === 'ref') {
        const sub = concepts.get(piece.name);
        if (sub) collectLiterals(sub, concepts, seen, into);
      }
    }
  }
}
