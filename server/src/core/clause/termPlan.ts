/**
 * Which terms of a concept are worth trying on a sentence. A term that starts with a literal
 * the first pass looks for can occur only when the first pass found that literal; the others
 * (starting with a one-character literal or a reference) are always tried. Built once per
 * concept and set of scanned literals, so a sentence costs one lookup per literal found, not
 * one per term (concepts hold hundreds of terms).
 */
import type { Concept } from './concepts';

export interface TermPlan {
  scanned: Set<string>;
  /** Term indices (ascending) by their first literal, for first literals that are scanned. */
  gated: Map<string, number[]>;
  /** Indices (ascending) of the terms tried on every sentence. */
  open: number[];
}

const plans = new WeakMap<Concept, TermPlan>();

export function termPlan(concept: Concept, scanned: Set<string>): TermPlan {
  const known = plans.get(concept);
  if (known && known.scanned === scanned) return known;
  const plan: TermPlan = { scanned, gated: new Map(), open: [] };
  concept.terms.forEach((term, i) => {
    const first = term.pieces[0];
    if (first.kind !== 'lit' || !scanned.has(first.text)) {
      plan.open.push(i);
      return;
    }
    const list = plan.gated.get(first.text);
    if (list) list.push(i);
    else plan.gated.set(first.text, [i]);
  });
  plans.set(concept, plan);
  return plan;
}

/** Indices of the terms to try, ascending (the concept's own order), given the literals found. */
export function termsToTry(plan: TermPlan, found: Set<string>): number[] {
  const lists: number[][] = [];
  if (plan.gated.size <= found.size) {
    for (const [literal, indices] of plan.gated) if (found.has(literal)) lists.push(indices);
  } else {
    for (const literal of found) {
      const indices = plan.gated.get(literal);
      if (indices) lists.push(indices);
    }
  }
  if (lists.length === 0) return plan.open;
  // One list of its own is in order already.
  if (lists.length === 1 && plan.open.length === 0) return lists[0];
  const out = [...plan.open];
  for (const indices of lists) out.push(...indices);
  return out.sort((a, b) => a - b);
}
