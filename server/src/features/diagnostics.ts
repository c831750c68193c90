import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { citationLabel, type Finding, type Severity } from '../core';
import type { DiagnosticData, OpenProvisionArgs } from '../protocol';
import { provisionLink } from './provisionLink';

export const SOURCE = 'agreement';

/** Above this many edits in a finding's fixes, they are not sent in the diagnostic's `data`. */
export const MAX_EDITS_IN_DATA = 100;

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

/** One finding as an LSP diagnostic; the fixes travel in `data`. */
export function toDiagnostic(finding: Finding, version: number, regulationsDir: string): Diagnostic {
  const citation = finding.citation;
  const cite = citation ? `（${citationLabel(citation)}）` : '';
  const fixes = finding.fixes ?? [];
  // Fixes with many edits (renumbering a long list, repeated on every misnumbered heading) stay out of
  // the payload; the code action takes them from the analysis of the same version instead.
  const heavy = fixes.reduce((n, fix) => n + fix.edits.length, 0) > MAX_EDITS_IN_DATA;
  const data: DiagnosticData = { version, fixes: heavy ? undefined : fixes, provision: provisionArgs(finding) };
  const href = citation ? provisionLink(citation, regulationsDir) : undefined;
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: href ? { href } : undefined,
    source: SOURCE,
    message: `${finding.message}${cite}`,
    data,
  };
}
