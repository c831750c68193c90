/**
 * Deadlines as findings, against a reference date (today, or `--as-of`):
 * - `procedure/commitment-overdue`: a commitment past its deadline and not kept (47号 四(二));
 * - `procedure/term-review-due`: the term ends within 90 days, or an open-ended agreement
 *   reaches its three-yearly assessment (47号 四(三));
 * - `procedure/annual-meeting-due`: a 厅市会商 议定书 whose yearly 工作会议协议书 falls due
 *   (《厅市会商工作管理办法》第十七条).
 */
import type { CheckContext } from '../context';
import { addMonths, daysBetween, isoDate } from './dates';
import { extractCommitments } from './extract';
import { ledgerRow, mergeLedger } from './merge';
import { termOf } from './term';
import type { LedgerEntry } from './types';

export interface LedgerOptions {
  /** The reference date, `YYYY-MM-DD`. */
  asOf: string;
  /** The ledger file's rows (statuses recorded by people). */
  entries?: LedgerEntry[];
  /** The agreement's name in ids when it has no 标题 (its file name). */
  fallbackKey?: string;
  /** The agreement's path as the ledger names it. */
  file?: string;
}

const REVIEW_WINDOW_DAYS = 90;

export function checkDeadlines(context: CheckContext, options: LedgerOptions): void {
  const asOf = isoDate(options.asOf);
  if (!asOf) return;
  checkCommitments(context, options, asOf);
  checkTermReview(context, asOf);
  checkAnnualMeeting(context, asOf);
}

function checkCommitments(context: CheckContext, options: LedgerOptions, asOf: string): void {
  const file = options.file ?? options.fallbackKey ?? '';
  const entries = options.entries ?? [];
  // Without recorded statuses a row is overdue only by its own due date: the commitments that have
  // one are all that is read, and no ids are needed (mergeLedger with no entries gives the same rows).
  const rows =
    entries.length === 0
      ? extractCommitments(context.doc, { fallbackKey: options.fallbackKey, datedOnly: true }).map((c) => ledgerRow({ ...c, file }, null, null, asOf))
      : mergeLedger(
          extractCommitments(context.doc, { fallbackKey: options.fallbackKey }).map((c) => ({ ...c, file })),
          entries,
          asOf,
        ).rows;
  for (const row of rows) {
    if (!row.overdue || !row.due) continue;
    const limit = row.deadline && 'relative' in row.deadline ? `（${row.deadline.relative}）` : '';
    context.report({
      rule: 'procedure/commitment-overdue',
      severity: 'warning',
      message: `${row.role}的承诺已逾期 ${-(row.daysLeft ?? 0)} 天：到期日期 ${row.due}${limit}，台账状态“${row.status}”。请核实履约情况，在履约台账中记录证据并更新状态（已兑现、部分兑现、未兑现），按时间节点推进落实。`,
      span: row.span,
      citation: context.rules.resolve({ regulation: 'hb-2017-47', article: '四(二)' }),
      seeAlso: [context.rules.resolve({ regulation: 'haian-2024-lyjn', article: '二(二)2' })].filter((c) => c !== undefined),
    });
  }
}

function checkTermReview(context: CheckContext, asOf: string): void {
  const signed = isoDate(context.doc.frontMatter.data['签署日期']);
  const term = termOf(context.doc);
  const citation = context.rules.resolve({ regulation: 'hb-2017-47', article: '四(三)' });
  if (term && !term.open && term.end) {
    const left = daysBetween(asOf, term.end);
    if (left > REVIEW_WINDOW_DAYS) return;
    const when = left >= 0 ? `将于 ${term.end} 期满（还有 ${left} 天）` : `已于 ${term.end} 期满`;
    context.report({
      rule: 'procedure/term-review-due',
      severity: 'info',
      message: `本协议${when}。协议期满，牵头单位要对协议执行和完成情况作出全面总结，对落实效果和经济社会效益进行评估，提出合作升级、继续合作或终止合作的建议，报告区政府（总结评估应于 ${term.end} 前完成）。`,
      span: term.span,
      citation,
    });
    return;
  }
  if (!signed || (term && !term.open)) return;
  // Open-ended: every three years after signing.
  let due = addMonths(signed, 36);
  while (daysBetween(asOf, due) < -REVIEW_WINDOW_DAYS) due = addMonths(due, 36);
  const left = daysBetween(asOf, due);
  if (left > REVIEW_WINDOW_DAYS) return;
  const anchor = term?.span ?? context.doc.frontMatter.entries.get('签署日期')?.keySpan ?? { start: 0, end: 0 };
  context.report({
    rule: 'procedure/term-review-due',
    severity: 'info',
    message: `本协议未约定期限，自签署日期 ${signed} 起每三年进行一次总结评估；本次总结评估应于 ${due} 前完成${left >= 0 ? `（还有 ${left} 天）` : `（已过 ${-left} 天）`}。`,
    span: anchor,
    citation,
  });
}

function checkAnnualMeeting(context: CheckContext, asOf: string): void {
  const data = context.doc.frontMatter.data;
  if (context.category?.name !== '厅市会商' || data['文种'] !== '议定书') return;
  const signed = isoDate(data['签署日期']);
  if (!signed) return;
  const last = isoDate(data['上次会商日期']) ?? signed;
  const soonest = addMonths(last, 12);
  const latest = addMonths(last, 24);
  if (daysBetween(asOf, soonest) > REVIEW_WINDOW_DAYS) return;
  const key = context.doc.frontMatter.entries.get('上次会商日期') ?? context.doc.frontMatter.entries.get('签署日期');
  context.report({
    rule: 'procedure/annual-meeting-due',
    severity: daysBetween(asOf, latest) < 0 ? 'warning' : 'info',
    message: `距${last === signed ? '议定书签订' : '上次厅市会商工作会议'}（${last}）将满或已满一年。厅市会商工作会议原则上1－2年举行一次，应筹备本年度工作会议并签署工作会议协议书，最迟于 ${latest} 前；会前准备上阶段协议书落实情况总结。可在文件头“上次会商日期”中记录最近一次工作会议的日期。`,
    span: key?.keySpan ?? { start: 0, end: 0 },
    citation: context.rules.resolve({ regulation: 'hbkjt-tsh', article: '第十七条' }),
    seeAlso: [context.rules.resolve({ regulation: 'hbkjt-tsh', article: '第二十二条' })].filter((c) => c !== undefined),
  });
}
