/**
 * The fuzz property, shared by the short run in `npm test` and the long run:
 * analysis of any mutated agreement never throws, stays under a time bound, puts
 * every range inside the document, and every fix's edits apply cleanly; the fixed
 * text (and the fix-all result) analyses again without error.
 */
import type { RuleSet } from '../../server/src/core';
import { fixAll } from '../../server/src/core/fixes/fixAll';
import { analyseChecked, assertFixApplies } from '../unit/robustness/check';

export interface PropertyOptions {
  /** Per-analysis hang guard. */
  guardMs: number;
  /** Re-analyse the result of at most this many fixes per document (all are applied). */
  reanalyse: number;
}

export const SHORT: PropertyOptions = { guardMs: 2000, reanalyse: 3 };
export const LONG: PropertyOptions = { guardMs: 2000, reanalyse: Infinity };

export function analysisSurvives(text: string, rules: RuleSet, options: PropertyOptions): void {
  const { findings } = analyseChecked(text, rules, {}, options.guardMs);
  const fixes = findings.flatMap((f) => f.fixes ?? []);
  const step = fixes.length <= options.reanalyse ? 1 : Math.ceil(fixes.length / options.reanalyse);
  fixes.forEach((fix, i) => {
    const fixed = assertFixApplies(text, fix, fix.title);
    if (i % step === 0) analyseChecked(fixed, rules, {}, options.guardMs);
  });
  const started = performance.now();
  const all = fixAll(text, rules);
  if (performance.now() - started > options.guardMs * 4) throw new Error(`fixAll took ${(performance.now() - started).toFixed(0)} ms`);
  analyseChecked(all.text, rules, {}, options.guardMs);
}
