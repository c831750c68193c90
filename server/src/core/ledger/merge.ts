/**
 * Extracted commitments + the ledger file → ledger rows. Statuses recorded by people are
 * kept; a commitment the file does not know yet appears as 未到期 (a future deadline) or
 * 履行中; a row of the file whose commitment is no longer in its agreement is reported as
 * orphaned, never dropped. A reworded promise (same agreement, same party, mostly the same
 * words) keeps its row: the row is reported as reworded with its old id.
 */
import { daysBetween } from './dates';
import { normalisePromise } from './id';
import { KEPT_STATUSES, type Commitment, type LedgerEntry, type LedgerStatus, type Warning } from './types';

export interface LedgerRow extends Commitment {
  /** The agreement file, as the ledger file names it (relative path). */
  file: string;
  /** Recorded in the file, or the default for a new commitment. */
  status: LedgerStatus;
  /** 逾期 when past due and not kept, else `status`. */
  effectiveStatus: LedgerStatus;
  overdue: boolean;
  /** Days until due (negative when past), when a due date is known. */
  daysLeft: number | null;
  warning: Warning;
  entry: LedgerEntry | null;
  /** The ledger id this row was recorded under before the promise was reworded. */
  previousId: string | null;
}

export interface OrphanRow {
  entry: LedgerEntry;
  reason: string;
}

export interface MergeResult {
  rows: LedgerRow[];
  orphans: OrphanRow[];
}

export function mergeLedger(commitments: Array<Commitment & { file: string }>, entries: LedgerEntry[], asOf: string, files?: Set<string>): MergeResult {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const used = new Set<string>();
  const matched = commitments.map((c) => {
    const entry = byId.get(c.id);
    if (entry) used.add(entry.id);
    return entry ?? null;
  });
  // Reworded promises: an unused entry of the same file and party with similar words.
  const previous: Array<string | null> = commitments.map(() => null);
  commitments.forEach((c, i) => {
    if (matched[i]) return;
    let best: { entry: LedgerEntry; score: number } | null = null;
    for (const entry of entries) {
      if (used.has(entry.id) || !entry.承诺内容 || (entry.协议 && entry.协议 !== c.file)) continue;
      if (entry.承诺方 && !entry.承诺方.startsWith(c.role)) continue;
      const score = similarity(normalisePromise(entry.承诺内容), normalisePromise(c.text));
      if (score >= 0.7 && (!best || score > best.score)) best = { entry, score };
    }
    if (best) {
      used.add(best.entry.id);
      matched[i] = best.entry;
      previous[i] = best.entry.id;
    }
  });
  const rows = commitments.map((c, i) => ledgerRow(c, matched[i], previous[i], asOf));
  const orphans: OrphanRow[] = entries
    .filter((e) => !used.has(e.id))
    .map((entry) => ({
      entry,
      reason: entry.协议 && files && !files.has(entry.协议) ? `协议文件 ${entry.协议} 不在本次检查范围内或已不存在` : '协议正文中已找不到这条承诺（条款被删除或改写）',
    }));
  return { rows, orphans };
}

/** One commitment's row, given the ledger entry it matched (if any). */
export function ledgerRow(c: Commitment & { file: string }, entry: LedgerEntry | null, previousId: string | null, asOf: string): LedgerRow {
  const due = c.due ?? entry?.到期日期 ?? null;
  const status: LedgerStatus = entry?.状态 ?? (due && due >= asOf ? '未到期' : '履行中');
  const kept = KEPT_STATUSES.includes(status);
  const daysLeft = due ? daysBetween(asOf, due) : null;
  const overdue = !kept && daysLeft !== null && daysLeft < 0;
  const effectiveStatus: LedgerStatus = overdue && (status === '未到期' || status === '履行中') ? '逾期' : status;
  return { ...c, due, status, effectiveStatus, overdue, daysLeft, warning: warningOf(effectiveStatus, kept, daysLeft), entry, previousId };
}

export function warningOf(status: LedgerStatus, kept: boolean, daysLeft: number | null): Warning {
  if (kept) return '绿';
  if (status === '逾期' || status === '未兑现' || (daysLeft !== null && daysLeft < 0)) return '红';
  if (status === '部分兑现' || (daysLeft !== null && daysLeft <= 30)) return '黄';
  return '绿';
}

/** Dice coefficient over character bigrams. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) grams.set(a.slice(i, i + 2), (grams.get(a.slice(i, i + 2)) ?? 0) + 1);
  let common = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      common++;
      grams.set(g, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length - 2);
}
