/**
 * The columns offices keep in a 履约台账, one row per commitment, shared by the table,
 * CSV and Excel outputs.
 */
import type { ledger } from '../../core';

type Row = ledger.ReportRow;

export interface Column {
  header: string;
  /** Excel column width, in characters (a Chinese character counts 2). */
  width: number;
  kind?: 'date' | 'warning';
  value(row: Row): string;
}

const sideNames = (row: Row, government: boolean) =>
  row.agreement.parties
    .filter((p) => (p.side === 'government') === government)
    .map((p) => p.name)
    .join('、');

export function deadlineText(row: Row): string {
  if (!row.deadline) return '';
  return 'date' in row.deadline ? row.deadline.date : row.deadline.relative;
}

export function warningText(row: Row): string {
  if (row.overdue) return `${row.warning}：逾期 ${-(row.daysLeft ?? 0)} 天`;
  if (row.warning === '黄' && row.daysLeft !== null) return `${row.warning}：${row.daysLeft} 天内到期`;
  return row.warning;
}

export const COLUMNS: Column[] = [
  { header: '统一编号', width: 18, value: (r) => r.id },
  { header: '协议名称', width: 36, value: (r) => r.agreement.title },
  { header: '类别', width: 10, value: (r) => r.agreement.category },
  { header: '签约主体', width: 24, value: (r) => sideNames(r, true) },
  { header: '相对方', width: 24, value: (r) => sideNames(r, false) },
  { header: '签订日期', width: 12, kind: 'date', value: (r) => r.agreement.signed ?? '' },
  { header: '到期日期', width: 12, kind: 'date', value: (r) => r.due ?? '' },
  { header: '条款', width: 10, value: (r) => r.clause },
  { header: '承诺方', width: 24, value: (r) => (r.party === r.role ? r.role : `${r.role}（${r.party}）`) },
  { header: '承诺内容', width: 60, value: (r) => r.text },
  { header: '金额', width: 16, value: (r) => r.amounts.join('、') },
  { header: '时限', width: 16, value: deadlineText },
  { header: '责任单位', width: 16, value: (r) => r.entry?.责任单位 ?? '' },
  { header: '责任人', width: 10, value: (r) => r.entry?.责任人 ?? '' },
  { header: '状态', width: 10, value: (r) => r.effectiveStatus },
  { header: '预警', width: 16, kind: 'warning', value: warningText },
  { header: '销号日期', width: 12, kind: 'date', value: (r) => r.entry?.销号日期 ?? '' },
  { header: '合规风险', width: 40, value: (r) => r.risks.map((f) => `${f.rule}${f.citation ? `（${f.citation.docNumber || f.citation.title} ${f.citation.article}）` : ''}`).join('；') },
];

/** Display width: CJK and full-width forms count 2. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}
