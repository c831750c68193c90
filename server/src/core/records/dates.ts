/**
 * Dates of the record (签署日期, 用印日期, 归档日期, 译本移交日期 …) as `YYYY-MM-DD`, and working
 * days: weekends are skipped, and so are the public holidays of a configurable calendar
 * (with the weekend days that are worked instead, 调休上班).
 */
import { parseDate } from '../stage';

export interface WorkCalendar {
  /** Public holidays, `YYYY-MM-DD`. */
  holidays?: string[];
  /** Weekend days that are working days (调休上班), `YYYY-MM-DD`. */
  workdays?: string[];
}

export function isoOf(value: unknown): string | null {
  const d = parseDate(value);
  return d ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : null;
}

function utc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function isWorkingDay(iso: string, calendar: WorkCalendar = {}): boolean {
  if (calendar.workdays?.includes(iso)) return true;
  if (calendar.holidays?.includes(iso)) return false;
  const day = utc(iso).getUTCDay();
  return day !== 0 && day !== 6;
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar = {}): number {
  if (to <= from) return 0;
  const t = utc(from);
  let count = 0;
  // Bounded: ten years of days at most, so a forged date cannot make this loop long.
  for (let i = 0; i < 3660; i++) {
    t.setUTCDate(t.getUTCDate() + 1);
    const iso = t.toISOString().slice(0, 10);
    if (isWorkingDay(iso, calendar)) count++;
    if (iso >= to) break;
  }
  return count;
}

/** The date `days` working days after `from`. */
export function addWorkingDays(from: string, days: number, calendar: WorkCalendar = {}): string {
  const t = utc(from);
  let left = days;
  for (let i = 0; i < 3660 && left > 0; i++) {
    t.setUTCDate(t.getUTCDate() + 1);
    if (isWorkingDay(t.toISOString().slice(0, 10), calendar)) left--;
  }
  return t.toISOString().slice(0, 10);
}
