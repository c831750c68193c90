/**
 * The ledger as an Excel workbook (exceljs): a header row, frozen header and id column,
 * column widths, real date cells, an auto-filter, and the warning colours 红/黄/绿 on
 * the 预警 cell. Orphaned rows go to a second sheet.
 */
import ExcelJS from 'exceljs';
import type { ledger } from '../../core';
import { COLUMNS } from './columns';

const FILL: Record<ledger.Warning, { fill: string; font: string }> = {
  红: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  黄: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  绿: { fill: 'FFC6EFCE', font: 'FF006100' },
};

function dateCell(value: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : value;
}

export async function formatXlsx(report: ledger.LedgerReport, asOf: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'agreement-lint';
  book.created = new Date(`${asOf}T00:00:00Z`);
  const sheet = book.addWorksheet('履约台账', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.header, width: c.width, style: c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {} }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  for (const row of report.rows) {
    const values = COLUMNS.map((c) => (c.kind === 'date' ? dateCell(c.value(row)) : c.value(row)));
    const added = sheet.addRow(values);
    added.alignment = { vertical: 'top', wrapText: true };
    const warningColumn = COLUMNS.findIndex((c) => c.kind === 'warning') + 1;
    const colour = FILL[row.warning];
    const cell = added.getCell(warningColumn);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour.fill } };
    cell.font = { color: { argb: colour.font }, bold: row.warning === '红' };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, report.rows.length + 1), column: COLUMNS.length } };
  if (report.orphans.length > 0) {
    const orphans = book.addWorksheet('孤立记录', { views: [{ state: 'frozen', ySplit: 1 }] });
    orphans.columns = [
      { header: '统一编号', key: 'id', width: 18 },
      { header: '协议', key: 'file', width: 40 },
      { header: '承诺方', key: 'party', width: 24 },
      { header: '承诺内容', key: 'text', width: 60 },
      { header: '状态', key: 'status', width: 10 },
      { header: '原因', key: 'reason', width: 40 },
    ];
    orphans.getRow(1).font = { bold: true };
    for (const o of report.orphans) orphans.addRow({ id: o.entry.id, file: o.entry.协议 ?? '', party: o.entry.承诺方 ?? '', text: o.entry.承诺内容 ?? '', status: o.entry.状态, reason: o.reason });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
