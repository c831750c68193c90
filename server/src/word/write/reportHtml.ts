/**
 * The review opinion as one printable HTML page: A4 with the 公文 margins (@page), the same
 * fonts as the Word file with common fallbacks, and the conclusion block to fill in by hand.
 */
import { DEFAULT_LAYOUT, type GongwenLayout } from './layout';
import { chineseNumber, CONCLUSION_OPTIONS, findingDetails, groupBySeverity, REPORT_TITLE, summaryLine, type ReportDocument } from './reviewReport';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const family = (name: string, fallback: string) => `"${name.replace(/["\\]/g, '')}", ${fallback}`;

export function reportHtml(documents: ReportDocument[], layout: GongwenLayout = DEFAULT_LAYOUT): string {
  const f = layout.fonts;
  const right = layout.pageWidthMm - layout.leftMarginMm - layout.textWidthMm;
  const bottom = layout.pageHeightMm - layout.topMarginMm - layout.textHeightMm;
  const lineMm = layout.textHeightMm / layout.linesPerPage;
  const css = `@page { size: A4; margin: ${layout.topMarginMm}mm ${right}mm ${bottom}mm ${layout.leftMarginMm}mm; }
body { font-family: ${family(f.body, '"FangSong", "STFangsong", "Noto Serif CJK SC", serif')}; font-size: ${layout.bodySize}pt; line-height: ${lineMm.toFixed(2)}mm; max-width: ${layout.textWidthMm}mm; margin: 0 auto; color: #000; }
h1 { font-family: ${family(f.title, '"FZXiaoBiaoSong-B05S", "STZhongsong", "Noto Serif CJK SC", serif')}; font-size: ${layout.titleSize}pt; font-weight: normal; text-align: center; margin: 0 0 ${lineMm.toFixed(2)}mm; line-height: ${lineMm.toFixed(2)}mm; }
h2 { font-family: ${family(f.heading1, '"SimHei", "Noto Sans CJK SC", sans-serif')}; font-size: ${layout.bodySize}pt; font-weight: normal; margin: 0; text-indent: 2em; break-after: avoid; }
h3 { font-family: ${family(f.heading2, '"KaiTi", "STKaiti", serif')}; font-size: ${layout.bodySize}pt; font-weight: normal; margin: 0; text-indent: 2em; break-after: avoid; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.detail { text-indent: 0; padding-left: 2em; }
section.conclusion { break-inside: avoid; margin-top: ${lineMm.toFixed(2)}mm; }
section.conclusion .sign { text-align: right; padding-right: 2em; text-indent: 0; }
section.document + section.document { margin-top: ${lineMm.toFixed(2)}mm; }`;
  const parts: string[] = [];
  documents.forEach((doc, d) => {
    const groups = groupBySeverity(doc.findings)
      .map(
        (g, i) =>
          `<h3>（${chineseNumber(i + 1)}）${g.label}（${g.findings.length} 条）</h3>\n` +
          g.findings.map((x, j) => `<p>${j + 1}．${escape(x.message)}</p>\n${findingDetails(x).map((l) => `<p class="detail">${escape(l)}</p>`).join('\n')}`).join('\n'),
      )
      .join('\n');
    parts.push(`<section class="document">
<h2>${chineseNumber(d + 1)}、${escape(doc.title ? `《${doc.title}》` : doc.file)}</h2>
<p>文件：${escape(doc.file)}。${escape(summaryLine(doc))}</p>
${doc.notes.map((n) => `<p>${escape(n)}</p>`).join('\n')}
${groups}
<section class="conclusion">
<h2>合法性审查意见：${CONCLUSION_OPTIONS.map((o) => `<span class="option">□${o}</span>`).join('　')}</h2>
<p>具体意见：</p>
<p>&nbsp;</p><p>&nbsp;</p>
<p class="sign">审查人（签字）：　　　　　　　　</p>
<p class="sign">日期：　　　　年　　月　　日</p>
</section>
</section>`);
  });
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${REPORT_TITLE}</title>
<style>
${css}
</style>
</head>
<body>
<h1>${REPORT_TITLE}</h1>
${parts.join('\n')}
</body>
</html>
`;
}
