import { analyze, type AnalyzeOptions } from '../analyze';
import type { RuleSet } from '../pack/ruleSet';
import { parseDocument } from '../parse';
import type { Finding, Fix, OffsetEdit } from '../types';
import { applyEdits } from './edits';

export interface FixAllResult {
  text: string;
  /** Number of fixes applied. */
  applied: number;
  /** Findings left after fixing. */
  remaining: Finding[];
}

const MAX_ROUNDS = 200;

/**
 * Apply every safe fix (optionally only of one rule), re-analysing after each
 * round so later fixes see earlier ones. Non-overlapping fixes are applied
 * together in one round. Pure; the result re-analyses to no safe fix left.
 */
export function fixAll(text: string, rules: RuleSet, options: AnalyzeOptions & { rule?: string; includeUnsafe?: boolean } = {}): FixAllResult {
  let current = text;
  let applied = 0;
  let findings = analyze(parseDocument(current), rules, options);
  // A fix whose finding survives it is never applied twice (guards against loops).
  const seen = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const chosen: Fix[] = [];
    let lastEnd = -1;
    const candidates = findings
      .filter((f) => !options.rule || f.rule === options.rule)
      .map((f) => {
        const fix = f.fixes?.find((x) => x.safe || (options.includeUnsafe && x.preferred));
        const key = `${f.rule}|${f.message}|${fix?.title}`;
        if (!fix || seen.has(key)) return undefined;
        return { fix, key };
      })
      .filter((x): x is { fix: Fix; key: string } => x !== undefined)
      .sort((a, b) => start(a.fix) - start(b.fix));
    for (const { fix, key } of candidates) {
      if (start(fix) > lastEnd || (chosen.length === 0 && lastEnd < 0)) {
        chosen.push(fix);
        seen.add(key);
        lastEnd = end(fix);
      }
    }
    if (chosen.length === 0) break;
    const edits: OffsetEdit[] = chosen.flatMap((fix) => fix.edits);
    try {
      current = applyEdits(current, edits);
    } catch {
      current = applyEdits(current, chosen[0].edits);
      chosen.length = 1;
    }
    applied += chosen.length;
    findings = analyze(parseDocument(current), rules, options);
  }
  return { text: current, applied, remaining: findings };
}

const start = (fix: Fix) => Math.min(...fix.edits.map((e) => e.start));
const end = (fix: Fix) => Math.max(...fix.edits.map((e) => e.end));
