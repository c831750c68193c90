/**
 * A date the officer wrote in a shape the front matter does not take (2026/1/10, 2026.1.10,
 * 2026年1月10号, 2026-1-10): read as the same day, so a quick fix can rewrite it as
 * 2026年1月10日 or 2026-01-10. Only real calendar days; anything else is left alone.
 */
import { parseDate } from '../stage';

const OTHER_SHAPE = /^(\d{4})\s*(?:[/.\-－／．]\s*(\d{1,2})\s*[/.\-－／．]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号])$/;

export function dateInOtherShape(value: unknown): { year: number; month: number; day: number } | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = OTHER_SHAPE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  return parseDate(`${year}年${month}月${day}日`);
}

/** The same day in the two accepted shapes, the officers' own first. */
export function acceptedShapes(date: { year: number; month: number; day: number }): string[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  return [`${date.year}年${date.month}月${date.day}日`, `${date.year}-${pad(date.month)}-${pad(date.day)}`];
}
