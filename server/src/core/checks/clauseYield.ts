/**
 * Sibling rules on one sentence: where a general rule and a more specific one both read
 * the same words (以迁入为条件的奖励 is local-condition in general, relocation-incentive in
 * particular), the reviewer cites the specific one. A rule lists the rules it yields to
 * (`yieldsTo`); its finding is dropped when one of them is found in the same sentence.
 * Two rules yielding to each other both stay: the pack said neither is primary.
 */
import type { CompiledClause } from '../pack/ruleSet';

interface Hit {
  clause: CompiledClause;
}

export function withoutYielded<T extends Hit>(hits: T[]): T[] {
  if (hits.length < 2) return hits;
  return hits.filter((hit) => {
    const yieldsTo = hit.clause.rule.yieldsTo;
    if (!yieldsTo || yieldsTo.length === 0) return true;
    return !hits.some(
      (other) =>
        other !== hit &&
        yieldsTo.includes(other.clause.rule.id) &&
        !(other.clause.rule.yieldsTo ?? []).includes(hit.clause.rule.id),
    );
  });
}
