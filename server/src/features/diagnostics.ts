import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { citationLabel, type Finding, type ResolvedCitation, type Severity } from '../core';
import type { DiagnosticData, OpenProvisionArgs } from '../protocol';
import { provisionLink } from './provisionLink';

export const SOURCE = 'agreement';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function provisionArgs(finding: Finding): OpenProvisionArgs | undefined {
  const c = finding.citation;
  if (!c?.file) return undefined;
  return { file: c.file, search: c.text.slice(0, 24) || c.article, label: [c.docNumber || `《${c.title}》`, c.article].filter(Boolean).join(' ') };
}

/**
 * At most this many diagnostics per document. A huge document with tens of thousands of
 * findings would otherwise send a message of many megabytes on every keystroke, and no one
 * reads past the first screens of the Problems panel; the rest are counted in one summary.
 */
export const MAX_DIAGNOSTICS = 1000;

/** The findings to publish: all of them, or the first MAX_DIAGNOSTICS (errors first) and a summary. */
export function publishable(findings: Finding[]): Finding[] {
  if (findings.length <= MAX_DIAGNOSTICS) return findings;
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
  const kept = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity] || a.span.start - b.span.start).slice(0, MAX_DIAGNOSTICS - 1);
  kept.sort((a, b) => a.span.start - b.span.start);
  const hidden = findings.length - kept.length;
  const summary: Finding = {
    rule: 'format/too-many-findings',
    severity: 'warning',
    message: `本文件共有 ${findings.length} 个问题，此处只显示前 ${kept.length} 个（错误优先），另有 ${hidden} 个未显示。请先处理已显示的问题，或用命令行 agreement-lint 查看全部。`,
    span: { start: 0, end: 0 },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
  return [summary, ...kept];
}

/**
 * What a diagnostic says of its citation: the label after the message and the link. Citations
 * are shared by every finding of a provision (the rule set resolves each once), so a keystroke
 * re-encodes none of this for the hundreds of findings that did not change. The provision to
 * open is not sent: the code action takes it from the finding in the analysis.
 */
interface CitationParts {
  cite: string;
  codeDescription: { href: string } | undefined;
}
const citationParts = new WeakMap<ResolvedCitation, Map<string, CitationParts>>();

function partsOf(finding: Finding, regulationsDir: string): CitationParts {
  const citation = finding.citation;
  if (!citation) return { cite: '', codeDescription: undefined };
  let byDir = citationParts.get(citation);
  if (!byDir) citationParts.set(citation, (byDir = new Map()));
  let parts = byDir.get(regulationsDir);
  if (!parts) {
    const href = provisionLink(citation, regulationsDir);
    parts = { cite: `（${citationLabel(citation)}）`, codeDescription: href ? { href } : undefined };
    byDir.set(regulationsDir, parts);
  }
  return parts;
}

/** One finding as an LSP diagnostic; `data` names the finding (version and span), not its fixes. */
export function toDiagnostic(finding: Finding, version: number, regulationsDir: string): Diagnostic {
  const parts = partsOf(finding, regulationsDir);
  const data: DiagnosticData = { version, start: finding.span.start, end: finding.span.end };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: parts.codeDescription,
    source: SOURCE,
    message: `${finding.message}${parts.cite}`,
    data,
  };
}
