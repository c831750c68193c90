import type { Range, Span } from '../types';

/** Which side of the agreement undertakes a commitment. */
export type Side = 'government' | 'counterparty';

/** A time limit as written: a calendar date, or one relative to signing or another event. */
export type Deadline = { date: string } | { relative: string } | null;

/** One thing one party undertakes in one clause. */
export interface Commitment {
  /** Stable across edits elsewhere in the agreement (see `id.ts`). */
  id: string;
  /** The clause's numbering, e.g. `二（一）`; the heading name is in `clauseTitle`. */
  clause: string;
  clauseTitle: string;
  /** The sentence (or part of it) that holds the promise. */
  span: Span;
  range: Range;
  /** 甲方, 乙方 … or the name as written when the text uses no role. */
  role: string;
  /** The party's name from the front matter when known, else the role. */
  party: string;
  side: Side;
  text: string;
  /** 金额, 面积, 比例, 就业人数 … exactly as written. */
  amounts: string[];
  deadline: Deadline;
  /** The deadline as a calendar date: written, or resolved against 签署日期. */
  due: string | null;
  condition: string | null;
}

/** The statuses an office records, in the order a commitment usually goes through them. */
export const LEDGER_STATUSES = ['未到期', '履行中', '已兑现', '部分兑现', '未兑现', '逾期', '已销号'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

/** Statuses that close a commitment: no deadline warning any more. */
export const KEPT_STATUSES: readonly LedgerStatus[] = ['已兑现', '已销号'];

/** One row of the workspace ledger file 履约台账.yaml. */
export interface LedgerEntry {
  id: string;
  协议?: string;
  承诺方?: string;
  承诺内容?: string;
  状态: LedgerStatus;
  证据?: string;
  责任单位?: string;
  责任人?: string;
  到期日期?: string;
  销号日期?: string;
  备注?: string;
}

/** 红: overdue or not kept; 黄: due within 30 days or partly kept; 绿: kept or not yet due. */
export type Warning = '红' | '黄' | '绿';
