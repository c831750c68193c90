import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Analysis } from '../analysisCache';
import { schemaProperties } from '../core/checks/frontMatterSchema';
import { matchSections } from '../core/sectionMatch';
import type { Finding, ResolvedCitation } from '../core';

/** Hover: a finding's explanation and citation; a heading's requirements; a front-matter key's description. */
export function hover(analysis: Analysis, position: Position): Hover | null {
  const { doc } = analysis;
  const offset = doc.lines.offsetAt(position);
  const here = analysis.findings.filter((f) => f.span.start <= offset && offset <= f.span.end && f.span.end > f.span.start);
  const parts: string[] = [];
  for (const finding of here) parts.push(findingMarkdown(finding));
  const heading = doc.headings.find((h) => h.lineSpan.start <= offset && offset <= h.lineSpan.end);
  if (heading) {
    const part = headingMarkdown(analysis, heading.name);
    if (part) parts.push(part);
  }
  const fm = doc.frontMatter;
  if (parts.length === 0 && fm.present && offset < fm.bodyStart) {
    for (const entry of fm.entries.values()) {
      if (offset >= entry.keySpan.start && offset <= Math.max(entry.keySpan.end, entry.valueSpan.end)) {
        const description = schemaProperties()[entry.key]?.description;
        if (description) parts.push(`**${entry.key}**\n\n${description}`);
      }
    }
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}

export function citationMarkdown(c: ResolvedCitation): string {
  const head = [c.docNumber, `《${c.title}》`, c.article].filter(Boolean).join(' ');
  const text = c.text ? `\n\n> ${c.text.replace(/\n+/g, '\n>\n> ')}` : '';
  return `**依据**：${head}${text}`;
}

export function findingMarkdown(finding: Finding): string {
  const lines = [`**${finding.rule}**（${severityName(finding.severity)}）`, '', finding.message];
  if (finding.citation) lines.push('', citationMarkdown(finding.citation));
  for (const extra of finding.seeAlso ?? []) lines.push('', `另见：${[extra.docNumber, `《${extra.title}》`, extra.article].filter(Boolean).join(' ')}${extra.text ? `：“${extra.text}”` : ''}`);
  return lines.join('\n');
}

function headingMarkdown(analysis: Analysis, name: string): string | null {
  const categoryName = analysis.doc.frontMatter.data['类别'];
  const category = typeof categoryName === 'string' ? analysis.ruleSet.categories.get(categoryName) : undefined;
  if (!category) return null;
  const match = matchSections(analysis.doc, category).find((m) => m.sections.some((s) => s.name === name));
  if (!match) return null;
  const rule = match.rule;
  const lines = [`**${rule.name}**（${category.name}类必备部分）`, '', rule.skeleton.trim()];
  if (rule.elements?.length) lines.push('', `须写明：${rule.elements.map((e) => e.name).join('、')}`);
  const citation = analysis.ruleSet.resolve(rule.citation);
  if (citation) lines.push('', citationMarkdown(citation));
  return lines.join('\n');
}

function severityName(severity: Finding['severity']): string {
  return { error: '错误', warning: '警告', info: '提示', hint: '建议' }[severity];
}
