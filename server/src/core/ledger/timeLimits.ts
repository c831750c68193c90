/**
 * Deadlines as written in a commitment: absolute dates (2026年6月30日, 2026-06-30,
 * 2026年6月底, 2026年底) and relative ones (签约后30日内, 开工后18个月内, 三个月内).
 */
import { addDays, addMonths, daysInMonth, makeDate, readNumber } from './dates';
import type { Deadline } from './types';

const NUM = '[0-9０-９]+|[一二三四五六七八九十百两〇零]+';
const ABSOLUTE = new RegExp(
  `(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*日)?(底|末|前|以前|之前)?|(\\d{4})-(\\d{2})-(\\d{2})|(\\d{4})\\s*年\\s*(底|末|年底|年末|内|前)`,
);
const ANCHOR = '(?:本协议|本合同|协议|合同|本议定书|议定书)?(?:签订|签署|签约|生效|正式签约)|项目(?:开工|竣工|投产|落地|注册)|开工|竣工|投产|注册|取得[^，。；]{0,12}|[^，。；\\s]{1,10}(?:完成|到位|交付|批准|验收)';
const RELATIVE = new RegExp(
  `((?:自|在|于)?(${ANCHOR})(?:之日)?(?:后|起|以后|之后))?\\s*(${NUM})\\s*(个)?\\s*(工作日|日|天|个月|月|周|年|小时|分钟)\\s*(?:内|以内|之内|前|完成)?`,
);

/** 每年12月底前, 每月5日前, 每季度结束后10日内, 每期付款前: a recurring deadline. */
const PERIODIC = /每(?:年|月|季度|半年|期|次)[^，。；]{0,14}?(?:前|内)/;
/** 接到报修后48小时内, 服务期满后10日内: counted from an event the text names. */
const AFTER_EVENT = new RegExp(`[^，。；\\s]{1,16}?(?:后|前)\\s*(?:${NUM})\\s*(?:个)?\\s*(?:工作日|日|天|个月|月|周|年|小时|分钟)\\s*(?:内|以内|之内)`);
const QUARTER = /\d{4}\s*年\s*(?:第[一二三四1-4]季度|上半年|下半年)(?:内|前|末|底)?/;
const BEFORE_EVENT = /(?:在|于)?((?:本协议|本合同|协议|合同)?(?:签订|签署|签约|生效)|(?:项目)?(?:开工|竣工|投产|达产|注册|交付|验收|落地|开业|运营))(?:之)?前/;

export interface ParsedDeadline {
  deadline: Deadline;
  /** The words matched, for display. */
  text: string;
  /** Whether a relative deadline counts from signing (or effect), so 签署日期 resolves it. */
  fromSigning: boolean;
  amount?: number;
  unit?: string;
}

export function findDeadline(text: string): ParsedDeadline | null {
  const abs = ABSOLUTE.exec(text);
  if (abs) {
    const date = absoluteDate(abs);
    if (date) return { deadline: { date }, text: abs[0], fromSigning: false };
  }
  const periodic = PERIODIC.exec(text);
  if (periodic) return { deadline: { relative: periodic[0].replace(/^(?:在|于)/, '') }, text: periodic[0], fromSigning: false };
  const quarter = QUARTER.exec(text);
  if (quarter) return { deadline: { relative: quarter[0] }, text: quarter[0], fromSigning: false };
  const rel = RELATIVE.exec(text);
  if (rel && isTimeLimit(text, rel)) {
    const anchor = rel[2] ?? '';
    const fromSigning = anchor === '' || /签|生效/.test(anchor);
    const words = rel[0].trim().replace(/^(?:在|于)/, '');
    return { deadline: { relative: words }, text: words, fromSigning, amount: readNumber(rel[3]) ?? undefined, unit: rel[5] };
  }
  const after = AFTER_EVENT.exec(text);
  if (after) return { deadline: { relative: after[0].replace(/^(?:在|于)/, '') }, text: after[0], fromSigning: false };
  const before = BEFORE_EVENT.exec(text);
  if (before) return { deadline: { relative: before[0].replace(/^(?:在|于)/, '') }, text: before[0], fromSigning: false };
  return null;
}

/** `30日` is a time limit only with an anchor or a 内/前 after it (not “连续3年” or “每年”). */
function isTimeLimit(text: string, m: RegExpExecArray): boolean {
  if (m[1]) return true;
  const after = text.slice(m.index + m[0].length - 2, m.index + m[0].length);
  if (!/内|前|成/.test(m[0].slice(-2)) && !/内|前/.test(after)) return false;
  const before = text.slice(Math.max(0, m.index - 2), m.index);
  return !/每|连续|第|满|近|前$/.test(before);
}

function absoluteDate(m: RegExpExecArray): string | null {
  if (m[5]) return makeDate(Number(m[5]), Number(m[6]), Number(m[7]));
  if (m[8]) return makeDate(Number(m[8]), 12, 31);
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (m[3]) return makeDate(year, month, Number(m[3]));
  return makeDate(year, month, daysInMonth(year, month));
}

/** A relative deadline counted from signing, as a date; null when it counts from another event. */
export function resolveDeadline(parsed: ParsedDeadline, signed: string | null): string | null {
  if ('date' in (parsed.deadline ?? {})) return (parsed.deadline as { date: string }).date;
  if (!signed || !parsed.fromSigning || parsed.amount === undefined) return null;
  const n = parsed.amount;
  switch (parsed.unit) {
    case '日':
    case '天':
      return addDays(signed, n);
    case '工作日':
      return addWorkingDays(signed, n);
    case '周':
      return addDays(signed, 7 * n);
    case '个月':
    case '月':
      return addMonths(signed, n);
    case '年':
      return addMonths(signed, 12 * n);
    default:
      return null;
  }
}

/** Monday to Friday; public holidays are not known to the core, so the result is the earliest plausible day. */
function addWorkingDays(date: string, n: number): string {
  let current = date;
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    const weekday = new Date(`${current}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return current;
}
