/** A terminal table: the columns that fit a screen; every column is in csv / xlsx. */
import type { ledger } from '../../core';
import { COLUMNS, displayWidth } from './columns';

const SHOWN = ['统一编号', '协议名称', '条款', '承诺方', '承诺内容', '金额', '时限', '到期日期', '状态', '预警'];
const MAX = 28;

function clip(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function formatTable(report: ledger.LedgerReport): string {
  const columns = COLUMNS.filter((c) => SHOWN.includes(c.header));
  const cells = report.rows.map((row) => columns.map((c) => clip(c.value(row).replace(/\s+/g, ' '), MAX)));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[i]))));
  const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - displayWidth(text)));
  const lines = [columns.map((c, i) => pad(c.header, widths[i])).join('  ').trimEnd(), widths.map((w) => '─'.repeat(w)).join('  ')];
  for (const r of cells) lines.push(r.map((t, i) => pad(t, widths[i])).join('  ').trimEnd());
  const overdue = report.rows.filter((r) => r.overdue).length;
  lines.push('', `共 ${report.rows.length} 条承诺（${report.agreements.length} 份协议），逾期 ${overdue} 条，孤立记录 ${report.orphans.length} 条。`);
  for (const o of report.orphans) lines.push(`孤立记录 ${o.entry.id}（${o.entry.协议 ?? '未注明协议'}，状态“${o.entry.状态}”）：${o.reason}。`);
  return `${lines.join('\n')}\n`;
}
