/**
 * The yearly self-check (每年自查) of 河北政办〔2017〕47号 四(三): per agreement, what
 * was promised, what is kept, what is overdue, what falls due this year, and the
 * assessment due at expiry (or every three years). Written as .docx or .html.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ledger } from '../../core';
import { deadlineText } from './columns';

export interface SelfCheckAgreement {
  info: ledger.AgreementInfo;
  rows: ledger.ReportRow[];
  counts: Array<[string, number]>;
  overdue: ledger.ReportRow[];
  dueThisYear: ledger.ReportRow[];
  reviews: string[];
}

export interface SelfCheck {
  year: number;
  asOf: string;
  agreements: SelfCheckAgreement[];
  orphans: ledger.OrphanRow[];
}

const BASIS =
  '依据：河北政办〔2017〕47号 四(三)“各牵头单位每年要对协议事项落实情况进行自查，并组织开展年度检查和考核，及时协调解决实际问题，对自查落实和检查考核情况每年年底前由主要领导把关后报告区政府。”';

export function selfCheckOf(report: ledger.LedgerReport, year: number, asOf: string): SelfCheck {
  const agreements = report.agreements.map((info) => {
    const rows = report.rows.filter((r) => r.file === info.file);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.effectiveStatus, (counts.get(r.effectiveStatus) ?? 0) + 1);
    return {
      info,
      rows,
      counts: [...counts.entries()],
      overdue: rows.filter((r) => r.overdue),
      dueThisYear: rows.filter((r) => r.due?.startsWith(`${year}-`)),
      reviews: info.findings.filter((f) => f.rule === 'procedure/term-review-due' || f.rule === 'procedure/annual-meeting-due').map((f) => f.message),
    };
  });
  return { year, asOf, agreements, orphans: report.orphans };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function selfCheckHtml(check: SelfCheck): string {
  const parts = [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${check.year}年度合作协议落实情况自查报告</title>`,
    '<style>body{font-family:"SimSun","Songti SC",serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px;vertical-align:top}th{background:#d9e1f2}.红{background:#ffc7ce}.黄{background:#ffeb9c}.绿{background:#c6efce}</style></head><body>',
    `<h1>${check.year}年度合作协议落实情况自查报告</h1>`,
    `<p>统计截至 ${esc(check.asOf)}；共 ${check.agreements.length} 份协议、${check.agreements.reduce((n, a) => n + a.rows.length, 0)} 条承诺。</p>`,
    `<p>${esc(BASIS)}</p>`,
  ];
  for (const a of check.agreements) {
    parts.push(`<h2>${esc(a.info.title)}</h2>`);
    parts.push(`<p>类别：${esc(a.info.category || '未填写')}；牵头单位：${esc(a.info.lead || '未填写')}；签署日期：${esc(a.info.signed ?? '未填写')}；有效期：${esc(a.info.termText || '未填写')}${a.info.termEnd ? `（至 ${esc(a.info.termEnd)}）` : ''}。</p>`);
    parts.push(`<p>承诺 ${a.rows.length} 条：${esc(a.counts.map(([s, n]) => `${s} ${n} 条`).join('，') || '无')}。逾期 ${a.overdue.length} 条；本年度到期 ${a.dueThisYear.length} 条。</p>`);
    for (const review of a.reviews) parts.push(`<p>${esc(review)}</p>`);
    if (a.rows.length > 0) {
      parts.push('<table><tr><th>统一编号</th><th>条款</th><th>承诺方</th><th>承诺内容</th><th>时限</th><th>状态</th><th>责任单位</th><th>证据</th></tr>');
      for (const r of a.rows) {
        parts.push(
          `<tr class="${r.warning}"><td>${esc(r.id)}</td><td>${esc(r.clause)}</td><td>${esc(r.role)}</td><td>${esc(r.text)}</td><td>${esc(deadlineText(r))}</td><td>${esc(r.effectiveStatus)}</td><td>${esc(r.entry?.责任单位 ?? '')}</td><td>${esc(r.entry?.证据 ?? '')}</td></tr>`,
        );
      }
      parts.push('</table>');
    }
  }
  if (check.orphans.length > 0) {
    parts.push('<h2>孤立记录</h2><ul>');
    for (const o of check.orphans) parts.push(`<li>${esc(o.entry.id)}（${esc(o.entry.协议 ?? '')}，状态“${esc(o.entry.状态)}”）：${esc(o.reason)}</li>`);
    parts.push('</ul>');
  }
  parts.push('</body></html>');
  return parts.join('\n');
}

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

export async function selfCheckDocx(check: SelfCheck): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(`${check.year}年度合作协议落实情况自查报告`)] }),
    new Paragraph(`统计截至 ${check.asOf}；共 ${check.agreements.length} 份协议、${check.agreements.reduce((n, a) => n + a.rows.length, 0)} 条承诺。`),
    new Paragraph(BASIS),
  ];
  for (const a of check.agreements) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(a.info.title)] }));
    children.push(new Paragraph(`类别：${a.info.category || '未填写'}；牵头单位：${a.info.lead || '未填写'}；签署日期：${a.info.signed ?? '未填写'}；有效期：${a.info.termText || '未填写'}${a.info.termEnd ? `（至 ${a.info.termEnd}）` : ''}。`));
    children.push(new Paragraph(`承诺 ${a.rows.length} 条：${a.counts.map(([s, n]) => `${s} ${n} 条`).join('，') || '无'}。逾期 ${a.overdue.length} 条；本年度到期 ${a.dueThisYear.length} 条。`));
    for (const review of a.reviews) children.push(new Paragraph(review));
    if (a.rows.length === 0) continue;
    const head = ['统一编号', '条款', '承诺方', '承诺内容', '时限', '状态', '责任单位', '证据'];
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
          ...a.rows.map((r) => new TableRow({ children: [r.id, r.clause, r.role, r.text, deadlineText(r), r.effectiveStatus, r.entry?.责任单位 ?? '', r.entry?.证据 ?? ''].map((t) => cell(t)) })),
        ],
      }),
    );
  }
  if (check.orphans.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('孤立记录')] }));
    for (const o of check.orphans) children.push(new Paragraph(`${o.entry.id}（${o.entry.协议 ?? ''}，状态“${o.entry.状态}”）：${o.reason}`));
  }
  const doc = new Document({ creator: 'agreement-lint', title: `${check.year}年度合作协议落实情况自查报告`, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
