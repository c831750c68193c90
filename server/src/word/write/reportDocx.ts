/**
 * The review opinion as a Word file in the same 公文格式 as the export: title in 小标宋, one
 * 一、 heading per document, （一） per severity, numbered findings with the words and the
 * provision, and the conclusion block (合法性审查意见：□同意 □修改后同意 □不同意, 审查人, 日期).
 */
import { AlignmentType, Packer, Paragraph, TextRun } from 'docx';
import type { Role } from './blocks';
import { gongwenDocument, runFont } from './exportDocx';
import { DEFAULT_LAYOUT, pageGeometry, type GongwenLayout } from './layout';
import { chineseNumber, CONCLUSION_OPTIONS, findingDetails, groupBySeverity, REPORT_TITLE, summaryLine, type ReportDocument } from './reviewReport';

export async function reportDocx(documents: ReportDocument[], layout: GongwenLayout = DEFAULT_LAYOUT): Promise<Buffer> {
  const g = pageGeometry(layout);
  const char = Math.round(g.charPitchPt * 20);
  const run = (text: string, role: Role) => new TextRun({ text, ...runFont(layout, g, role) });
  const body = (text: string, role: Role = 'body', extra: { keepNext?: boolean } = {}) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, widowControl: false, indent: { firstLine: 2 * char, firstLineChars: 200 }, ...extra, children: [run(text, role)] });
  const detail = (text: string) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, widowControl: false, indent: { left: 2 * char }, children: [run(text, 'body')] });
  const children: Paragraph[] = [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(REPORT_TITLE, 'title')] }), new Paragraph({ children: [] })];
  documents.forEach((doc, d) => {
    children.push(body(`${chineseNumber(d + 1)}、${doc.title ? `《${doc.title}》` : doc.file}`, 'heading1', { keepNext: true }));
    children.push(body(`文件：${doc.file}。${summaryLine(doc)}`));
    for (const note of doc.notes) children.push(body(note));
    groupBySeverity(doc.findings).forEach((group, i) => {
      children.push(body(`（${chineseNumber(i + 1)}）${group.label}（${group.findings.length} 条）`, 'heading2', { keepNext: true }));
      group.findings.forEach((f, j) => {
        children.push(body(`${j + 1}．${f.message}`));
        for (const line of findingDetails(f)) children.push(detail(line));
      });
    });
    children.push(new Paragraph({ children: [] }));
    children.push(body(`合法性审查意见：${CONCLUSION_OPTIONS.map((o) => `□${o}`).join('　')}`, 'heading1', { keepNext: true }));
    children.push(body('具体意见：', 'body', { keepNext: true }));
    children.push(new Paragraph({ keepNext: true, children: [] }), new Paragraph({ keepNext: true, children: [] }));
    // 审查人 and 日期 on the right, where a signature goes.
    for (const line of ['审查人（签字）：　　　　　　　　', '日期：　　　　年　　月　　日']) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 2 * char }, keepNext: line.startsWith('审查人'), children: [run(line, 'body')] }));
    if (d + 1 < documents.length) children.push(new Paragraph({ children: [] }));
  });
  return Packer.toBuffer(gongwenDocument(layout, g, children));
}
