/**
 * One step of the procedure that the front matter must record before the document moves on:
 * missing → say what to record; “无”/“未开展”/false → not a record; a date later than the
 * signing (or than a step that must come after it) → out of order. Each rule in `rules/`
 * declares its step and when it applies; this file does the checking.
 */
import type { CheckContext } from '../context';
import type { CitationRef } from '../pack/types';
import { insertKeyFix } from '../checks/procedures';
import { documentStage, type Stage } from '../stage';
import type { Span } from '../types';
import { isoOf } from './dates';
import { readRecord } from './record';

export interface RecordStep {
  id: string;
  /** The front-matter key that records the step. */
  key: string;
  /** Other keys whose record also satisfies it. */
  alsoSatisfiedBy?: (context: CheckContext) => boolean;
  /** Stages at which the step must have been taken. */
  stages: Stage[];
  /** Why the step applies to this document (shown in the message), or null when it does not. */
  applies: (context: CheckContext) => string | null;
  /** What the step is, for messages: 合法性审查, 风险评估 … */
  label: string;
  advice: string;
  /** What to write, as the inserted placeholder value. */
  insertValue: string;
  citation: CitationRef;
  seeAlso?: CitationRef[];
  /** Keys whose recorded date this step's date may not be later than (签署日期 always). */
  before?: string[];
  severity?: 'warning' | 'info' | 'hint';
}

export function frontMatterUsable(context: CheckContext): boolean {
  const fm = context.doc.frontMatter;
  return fm.present && !fm.problems.some((p) => p.kind !== 'duplicate');
}

export function frontMatterAnchor(context: CheckContext, ...keys: string[]): Span {
  const fm = context.doc.frontMatter;
  for (const key of keys) {
    const entry = fm.entries.get(key);
    if (entry) return entry.keySpan;
  }
  return { start: fm.span.start, end: fm.span.start + 3 };
}

export function checkRecordStep(context: CheckContext, step: RecordStep): void {
  if (!frontMatterUsable(context)) return;
  const data = context.doc.frontMatter.data;
  if (!step.stages.includes(documentStage(data))) return;
  const why = step.applies(context);
  if (why === null) return;
  const severity = step.severity ?? 'warning';
  const citation = context.rules.resolve(step.citation);
  const seeAlso = step.seeAlso?.map((ref) => context.rules.resolve(ref)).filter((c) => c !== undefined);
  const record = readRecord(data[step.key]);
  const entry = context.doc.frontMatter.entries.get(step.key);
  if (record.kind === 'given') {
    checkOrder(context, step, record.date);
    return;
  }
  if (step.alsoSatisfiedBy?.(context)) return;
  if (record.kind === 'negative' && entry) {
    context.report({
      rule: step.id,
      severity,
      message: `文件头“${step.key}: ${record.text}”表明未履行${step.label}，不能作为${step.label}的记录（${why}）。${step.advice}`,
      span: entry.valueSpan,
      citation,
      seeAlso,
    });
    return;
  }
  context.report({
    rule: step.id,
    severity,
    message: `${entry ? `文件头“${step.key}”尚未填写实际内容` : `文件头未记录${step.label}`}（${why}）。${step.advice}`,
    span: frontMatterAnchor(context, step.key),
    citation,
    seeAlso,
    fixes: () => entry ? [] : [insertKeyFix(context, step.key, step.insertValue)],
  });
}

function checkOrder(context: CheckContext, step: RecordStep, date: string | undefined): void {
  if (!date) return;
  const data = context.doc.frontMatter.data;
  for (const later of [...(step.before ?? []), '签署日期']) {
    const value = data[later];
    const laterRecord = readRecord(value);
    const laterDate = isoOf(value) ?? (laterRecord.kind === 'given' ? laterRecord.date : undefined);
    if (!laterDate || date <= laterDate) continue;
    context.report({
      rule: step.id,
      severity: step.severity ?? 'warning',
      message: `${step.label}的日期（${date}）晚于${later}（${laterDate}）：${step.label}应在${later === '签署日期' ? '协议签署' : later}之前完成。请核对日期。`,
      span: context.doc.frontMatter.entries.get(step.key)?.valueSpan ?? frontMatterAnchor(context, step.key),
      citation: context.rules.resolve(step.citation),
    });
    return;
  }
}
