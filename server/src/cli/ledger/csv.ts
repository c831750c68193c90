/** RFC 4180 CSV with a UTF-8 BOM (so spreadsheet programs read the Chinese correctly). */
import type { ledger } from '../../core';
import { COLUMNS } from './columns';

/** A cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatCsv(rows: ledger.ReportRow[]): string {
  const lines = [COLUMNS.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(COLUMNS.map((c) => csvCell(c.value(row))).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
