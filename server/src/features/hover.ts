import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Analysis } from '../analysisCache';
import { citationMarkdown, frontMatterKeyMarkdown, frontMatterValueMarkdown, sectionMarkdown } from '../core/authoring/explain';
import type { ResolvedCitation } from '../core';
import { matchSections } from '../core/sectionMatch';
import { OpenProvisionCommand, type OpenProvisionArgs } from '../protocol';
import { provisionArgs } from './diagnostics';

/**
 * Hover, in Chinese Markdown. VS Code already shows each diagnostic's message (and the
 * lightbulb its fixes) in the same hover, so for findings this adds only what the message
 * lacks: the provision's words, once per provision however many findings cite it, with a
 * link that opens it. On a heading, what that section must contain for the category; on a
 * front-matter key or value, the schema description and the rule set's allowed values, and
 * for 类别 the category's framework.
 */
export function hover(analysis: Analysis, position: Position): Hover | null {
  const { doc, ruleSet } = analysis;
  const offset = doc.lines.offsetAt(position);
  const parts: string[] = [];
  const citations = new Map<string, { citation: ResolvedCitation; label: string; provision?: OpenProvisionArgs }>();
  const cite = (citation: ResolvedCitation | undefined, label = '依据', provision?: OpenProvisionArgs) => {
    if (!citation) return;
    const key = `${citation.regulationId}|${citation.article}`;
    if (!citations.has(key)) citations.set(key, { citation, label, provision });
  };
  for (const finding of analysis.findings) {
    if (finding.span.end <= finding.span.start || offset < finding.span.start || offset > finding.span.end) continue;
    cite(finding.citation, '依据', provisionArgs(finding));
    for (const extra of finding.seeAlso ?? []) cite(extra, '另见');
  }
  const category = categoryOf(analysis);
  const heading = doc.headings.find((h) => h.lineSpan.start <= offset && offset <= h.lineSpan.end);
  if (heading && category) {
    const section = doc.allSections.find((s) => s.heading === heading);
    const match = section ? matchSections(doc, category).find((m) => m.sections.includes(section)) : undefined;
    if (match) {
      parts.push(sectionMarkdown(ruleSet, category, match.rule, false));
      cite(ruleSet.resolve(match.rule.citation));
    }
  }
  const fm = doc.frontMatter;
  if (fm.present && offset < fm.bodyStart) {
    for (const entry of fm.entries.values()) {
      if (offset >= entry.keySpan.start && offset <= entry.keySpan.end) {
        const part = frontMatterKeyMarkdown(entry.key, ruleSet);
        if (part) parts.push(part);
      } else if (offset >= entry.valueSpan.start && offset <= entry.valueSpan.end && entry.valueSpan.end > entry.valueSpan.start) {
        const part = frontMatterValueMarkdown(ruleSet, entry.key, entry.value, category) ?? frontMatterKeyMarkdown(entry.key, ruleSet);
        if (part) parts.push(part);
      }
    }
  }
  for (const { citation, label, provision } of citations.values()) {
    const link = provision ? `\n\n[打开条文](command:${OpenProvisionCommand}?${encodeURIComponent(JSON.stringify([provision]))} "在只读窗口中打开条文全文")` : '';
    // The 类别 value's own markdown already quotes its provision.
    if (parts.some((p) => p.includes(citationMarkdown(citation)))) continue;
    parts.push(citationMarkdown(citation, label) + link);
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}

function categoryOf(analysis: Analysis) {
  const name = analysis.doc.frontMatter.data['类别'];
  return typeof name === 'string' ? analysis.ruleSet.categories.get(name.trim()) : undefined;
}
