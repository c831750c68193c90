/**
 * The fixes of one finding, from the document's text and the finding alone (nothing kept
 * between calls): the text is analysed (the memos make an unchanged long document cheap)
 * and the finding named by rule, span and message is looked up; its fixes are computed.
 * A finding that is not in the text as it is now — a stale or forged one — is refused with a
 * reason, never answered with edits computed for other text.
 */
import { analyzeText, type AnalyzeOptions } from '../analyze';
import type { RuleSet } from '../pack/ruleSet';
import type { Finding, Fix, Span } from '../types';
import { fixesOf } from './onDemand';

export interface FindingRef {
  rule: string;
  span: Span;
  /** Tells apart findings of one rule on one span (missing sections all sit on the title). */
  message?: string;
}

export type FixesAnswer = { finding: Finding; fixes: Fix[] } | { refused: string };

export const NOT_CURRENT = '该问题已不在文档的当前版本中（文档已修改，或请求不是本文件的检查结果），未计算修复。请重新检查后再修复。';

export function fixesFor(text: string, rules: RuleSet, options: AnalyzeOptions, target: FindingRef): FixesAnswer {
  const finding = findingIn(analyzeText(text, rules, options), target);
  return finding ? { finding, fixes: fixesOf(finding) } : { refused: NOT_CURRENT };
}

/** The one finding of `findings` that `target` names, if exactly one is. */
export function findingIn(findings: Finding[], target: FindingRef): Finding | undefined {
  if (!target || typeof target.rule !== 'string' || !target.span || !Number.isSafeInteger(target.span.start) || !Number.isSafeInteger(target.span.end)) return undefined;
  const here = findings.filter((f) => f.rule === target.rule && f.span.start === target.span.start && f.span.end === target.span.end);
  if (here.length === 1 && (target.message === undefined || target.message.startsWith(here[0].message))) return here[0];
  const worded = target.message === undefined ? [] : here.filter((f) => target.message!.startsWith(f.message));
  return worded.length === 1 ? worded[0] : undefined;
}
