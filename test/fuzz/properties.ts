/**
 * The fuzz property, shared by the short run in `npm test` and the long run:
 * analysis of any mutated agreement never throws, stays under a time bound, puts
 * every range inside the document, and every fix's edits apply cleanly; no finding's
 * range and no edit splits a surrogate pair or a CRLF; the fixed text (and the fix-all
 * result) analyses again without error; and fix-all is idempotent (a second run
 * changes nothing).
 */
import type { RuleSet } from '../../server/src/core';
import { fixAll } from '../../server/src/core/fixes/fixAll';
import { splitsPair } from '../../server/src/core/textBoundaries';
import { analyseChecked, assertFixApplies } from '../unit/robustness/check';
import { fixesOf } from '../../server/src/core/fixes/onDemand';

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
  for (const finding of findings) {
    assertWhole(text, finding.span.start, `${finding.rule} range start`);
    assertWhole(text, finding.span.end, `${finding.rule} range end`);
    for (const fix of fixesOf(finding)) for (const edit of fix.edits) {
      assertWhole(text, edit.start, `${fix.title} edit start`);
      assertWhole(text, edit.end, `${fix.title} edit end`);
    }
  }
  const fixes = findings.flatMap((f) => fixesOf(f));
  const step = fixes.length <= options.reanalyse ? 1 : Math.ceil(fixes.length / options.reanalyse);
  fixes.forEach((fix, i) => {
    const fixed = assertFixApplies(text, fix, fix.title);
    if (i % step === 0) analyseChecked(fixed, rules, {}, options.guardMs);
  });
  const started = performance.now();
  const all = fixAll(text, rules);
  if (performance.now() - started > options.guardMs * 4) throw new Error(`fixAll took ${(performance.now() - started).toFixed(0)} ms`);
  analyseChecked(all.text, rules, {}, options.guardMs);
  const again = fixAll(all.text, rules);
  if (again.text !== all.text) throw new Error(`fix-all is not idempotent: a second run applied ${again.applied} more fix(es)`);
}

function assertWhole(text: string, at: number, what: string): void {
  if (splitsPair(text, at)) throw new Error(`${what} at ${at} splits a ${text.charCodeAt(at - 1) === 13 ? 'CRLF' : 'surrogate pair'}`);
}
