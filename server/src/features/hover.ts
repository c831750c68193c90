import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Analysis } from '../analysisCache';
import { findingMarkdown, frontMatterKeyMarkdown, frontMatterValueMarkdown, sectionMarkdown } from '../core/authoring/explain';
import { matchSections } from '../core/sectionMatch';
import { OpenProvisionCommand } from '../protocol';
import { provisionArgs } from './diagnostics';

/**
 * Hover, in Chinese Markdown: a finding's explanation and citation (with a link that
 * opens the provision); on a heading, what that section must contain for the category;
 * on a front-matter key or value, the schema description, the allowed values, and for
 * 类别 the category's framework and provision.
 */
export function hover(analysis: Analysis, position: Position): Hover | null {
  const { doc, ruleSet } = analysis;
  const offset = doc.lines.offsetAt(position);
  const parts: string[] = [];
  for (const finding of analysis.findings) {
    if (finding.span.end <= finding.span.start || offset < finding.span.start || offset > finding.span.end) continue;
    const provision = provisionArgs(finding);
    const link = provision ? `\n\n[打开条文](command:${OpenProvisionCommand}?${encodeURIComponent(JSON.stringify([provision]))} "在只读窗口中打开条文全文")` : '';
    parts.push(findingMarkdown(finding) + link);
  }
  const category = categoryOf(analysis);
  const heading = doc.headings.find((h) => h.lineSpan.start <= offset && offset <= h.lineSpan.end);
  if (heading && category) {
    const section = doc.allSections.find((s) => s.heading === heading);
    const match = section ? matchSections(doc, category).find((m) => m.sections.includes(section)) : undefined;
    if (match) parts.push(sectionMarkdown(ruleSet, category, match.rule));
  }
  const fm = doc.frontMatter;
  if (fm.present && offset < fm.bodyStart) {
    for (const entry of fm.entries.values()) {
      if (offset >= entry.keySpan.start && offset <= entry.keySpan.end) {
        const part = frontMatterKeyMarkdown(entry.key);
        if (part) parts.push(part);
      } else if (offset >= entry.valueSpan.start && offset <= entry.valueSpan.end && entry.valueSpan.end > entry.valueSpan.start) {
        const part = frontMatterValueMarkdown(ruleSet, entry.key, entry.value, category) ?? frontMatterKeyMarkdown(entry.key);
        if (part) parts.push(part);
      }
    }
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}

function categoryOf(analysis: Analysis) {
  const name = analysis.doc.frontMatter.data['类别'];
  return typeof name === 'string' ? analysis.ruleSet.categories.get(name.trim()) : undefined;
}
