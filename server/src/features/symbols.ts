import { SymbolKind, type DocumentSymbol, FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { AgreementDocument, Section } from '../core';

/** The section tree for the Outline and breadcrumbs. */
export function documentSymbols(doc: AgreementDocument): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const fm = doc.frontMatter;
  if (fm.present) {
    out.push({
      name: '文件头',
      detail: [fm.data['文种'], fm.data['类别']].filter((v) => typeof v === 'string').join(' · '),
      kind: SymbolKind.Namespace,
      range: doc.lines.rangeOf(fm.span),
      selectionRange: doc.lines.rangeOf({ start: fm.span.start, end: fm.span.start + 3 }),
      children: [...fm.entries.values()].map((entry) => ({
        name: entry.key,
        detail: typeof entry.value === 'object' ? JSON.stringify(entry.value) : String(entry.value ?? ''),
        kind: SymbolKind.Property,
        range: doc.lines.rangeOf({ start: entry.keySpan.start, end: Math.max(entry.keySpan.end, entry.valueSpan.end) }),
        selectionRange: doc.lines.rangeOf(entry.keySpan),
      })),
    });
  }
  if (doc.title) {
    out.push({ name: doc.title.text || '标题', kind: SymbolKind.File, range: doc.lines.rangeOf(doc.title.span), selectionRange: doc.lines.rangeOf(doc.title.span) });
  }
  out.push(...doc.sections.map((s) => sectionSymbol(doc, s)));
  return out;
}

function sectionSymbol(doc: AgreementDocument, section: Section): DocumentSymbol {
  const end = trimEnd(doc, section.span.end, section.heading.lineSpan.end);
  return {
    name: `${section.heading.marker}${section.heading.style === 'markdown' ? ' ' : ''}${section.name || '（无标题）'}`,
    kind: section.depth === 1 ? SymbolKind.Module : SymbolKind.Field,
    range: doc.lines.rangeOf({ start: section.span.start, end }),
    selectionRange: doc.lines.rangeOf(section.heading.lineSpan),
    children: section.children.map((c) => sectionSymbol(doc, c)),
  };
}

/** Sections end where the next begins; drop trailing line breaks so ranges end on content. */
function trimEnd(doc: AgreementDocument, end: number, floor: number): number {
  while (end > floor && /[\r\n]/.test(doc.text[end - 1])) end--;
  return end;
}

/** Fold the front matter and every section. */
export function foldingRanges(doc: AgreementDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const fm = doc.frontMatter;
  if (fm.present) {
    const r = doc.lines.rangeOf(fm.span);
    if (r.end.line > r.start.line) ranges.push(FoldingRange.create(r.start.line, r.end.line, undefined, undefined, FoldingRangeKind.Region));
  }
  for (const section of doc.allSections) {
    const start = doc.lines.positionAt(section.span.start).line;
    const end = doc.lines.positionAt(trimEnd(doc, section.span.end, section.heading.lineSpan.end)).line;
    if (end > start) ranges.push(FoldingRange.create(start, end));
  }
  for (const comment of doc.comments) {
    const r = doc.lines.rangeOf(comment.span);
    if (r.end.line > r.start.line) ranges.push(FoldingRange.create(r.start.line, r.end.line, undefined, undefined, FoldingRangeKind.Comment));
  }
  return ranges;
}
