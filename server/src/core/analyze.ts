import { codedRules } from './rules';
import { checkClauses } from './checks/clauses';
import { checkElements } from './checks/elements';
import { checkFrontMatter } from './checks/frontMatterSchema';
import { checkPlaceholders } from './checks/placeholder';
import { checkProcedures } from './checks/procedures';
import { checkNumbering, checkSections } from './checks/sections';
import { createContext, type Check, type DraftFinding } from './context';
import type { RuleSet } from './pack/ruleSet';
import type { Severity, SeverityOrOff } from './pack/types';
import { parseDocument, type AgreementDocument } from './parse';
import { PatternBudgetExceeded, withPatternBudget } from './pack/patternBudget';
import { checkDeadlines, type LedgerOptions } from './ledger/deadlines';
import { applySuppressions } from './suppressions';
import { findAttachedAgreement } from './attachment';
import { snapSpan } from './textBoundaries';
import { attachFixes } from './fixes/onDemand';
import type { Finding, Range, Span } from './types';
import type { WorkCalendar } from './records/dates';

export interface AnalyzeOptions {
  /** Per rule id (or `family/*`): a severity, or `off`. Wins over pack severities. */
  severities?: Record<string, SeverityOrOff>;
  /** Texts longer than this (UTF-16 units) are not analysed; one info finding says so. */
  maxSize?: number;
  /** Milliseconds that rule-pack regular expressions may take on this document (default: no limit). */
  patternBudgetMs?: number;
  /** With a reference date: overdue commitments and due assessments (see `ledger/deadlines.ts`). */
  ledger?: LedgerOptions;
  /** Public holidays (and worked weekend days) for the working-day limits of 用印 and 译本移交. */
  calendar?: WorkCalendar;
}

/** Every check, in order. Data-driven kinds first, then coded rules. */
const CHECKS: Check[] = [
  checkFrontMatter,
  checkSections,
  checkNumbering,
  checkElements,
  checkClauses,
  checkProcedures,
  checkPlaceholders,
  ...codedRules.map((r) => r.check),
];

export const DEFAULT_MAX_SIZE = 5 * 1024 * 1024;

/** Parse and analyse in one call (the CLI and tests). */
export function analyzeText(text: string, rules: RuleSet, options: AnalyzeOptions = {}): Finding[] {
  const tooLarge = sizeFinding(text, options);
  if (tooLarge) return [tooLarge];
  return analyze(parseDocument(text), rules, options);
}

/** Analyse a parsed document. Pure; never throws for any document. */
export function analyze(given: AgreementDocument, rules: RuleSet, options: AnalyzeOptions = {}): Finding[] {
  const tooLarge = sizeFinding(given.text, options);
  if (tooLarge) return [tooLarge];
  const drafts: DraftFinding[] = [];
  // A notice that carries the agreement as 附件: the agreement is checked, the notice is not.
  const attached = findAttachedAgreement(given);
  const doc = attached ? parseDocument(attached.masked) : given;
  if (attached) {
    drafts.push({
      rule: 'format/attachment',
      severity: 'info',
      message: '本文是印发通知，协议文本在附件中：按附件中的协议检查，通知正文不检查。',
      span: attached.noticeSpan,
    });
  }
  const context = createContext(doc, rules, drafts, options.calendar);
  withPatternBudget(options.patternBudgetMs, () => {
    for (const check of CHECKS) {
      try {
        check(context);
      } catch (error) {
        if (!(error instanceof PatternBudgetExceeded)) throw error;
        drafts.push(budgetFinding(options.patternBudgetMs ?? 0));
        break;
      }
    }
  });
  if (options.ledger) checkDeadlines(context, options.ledger);
  const findings: Finding[] = [];
  for (const draft of drafts) {
    const severity = severityFor(draft.rule, draft.severity, rules, options);
    if (severity === 'off') continue;
    const span = snapSpan(doc.text, draft.span);
    const finding = findingOf(draft, span, severity, doc.lines.rangeOf(span));
    if (draft.fixes) attachFixes(finding, doc.text, draft.fixes);
    findings.push(finding);
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return applySuppressions(doc, findings);
}

/**
 * The draft as a finding: the draft's keys in their order except `fixes` (as `{ ...found }` after
 * `const { fixes, ...found } = draft` gives them), span and severity replaced, the range added. Copied
 * key by key: object rest takes a slow path in V8 (≈ 1 µs per finding, ≈ 0.5 ms per version of a
 * long document).
 */
function findingOf(draft: DraftFinding, span: Span, severity: Severity, range: Range): Finding {
  const finding: Record<string, unknown> = {};
  for (const key in draft) if (key !== 'fixes') finding[key] = draft[key as keyof DraftFinding];
  finding.span = span;
  finding.severity = severity;
  finding.range = range;
  return finding as unknown as Finding;
}

function budgetFinding(budgetMs: number): DraftFinding {
  return {
    rule: 'format/analysis-budget',
    severity: 'warning',
    message: `规则包中的正则表达式在本文件上耗时超过 ${budgetMs} 毫秒，其余检查未完成，结果可能不全。请简化规则包中的 pattern，或拆分文件。`,
    span: { start: 0, end: 0 },
  };
}

/** `clause/*` for `clause/exclusive`: rule ids are few, and every finding of every version asks. */
const families = new Map<string, string>();

function familyOf(rule: string): string {
  let family = families.get(rule);
  if (family === undefined) {
    family = `${rule.split('/')[0]}/*`;
    if (families.size < 10000) families.set(rule, family);
  }
  return family;
}

function severityFor(rule: string, base: Severity, rules: RuleSet, options: AnalyzeOptions): SeverityOrOff {
  const family = familyOf(rule);
  return options.severities?.[rule] ?? options.severities?.[family] ?? rules.severities.get(rule) ?? rules.severities.get(family) ?? base;
}

function sizeFinding(text: string, options: AnalyzeOptions): Finding | null {
  const max = options.maxSize ?? DEFAULT_MAX_SIZE;
  if (text.length <= max) return null;
  return {
    rule: 'format/too-large',
    severity: 'info',
    message: `文件过大（约 ${(text.length / 1024 / 1024).toFixed(1)} MB，超过设置 agreement.maxFileSize 的 ${(max / 1024 / 1024).toFixed(1)} MB），已跳过检查。可拆分文件或调大该设置。`,
    span: { start: 0, end: 0 },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}
