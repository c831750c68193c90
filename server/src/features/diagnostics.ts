import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../core';
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
  return { file: c.file, search: c.text.slice(0, 24) || c.article };
}

/** One finding as an LSP diagnostic; the fixes travel in `data`. */
export function toDiagnostic(finding: Finding, version: number, regulationsDir: string): Diagnostic {
  const citation = finding.citation;
  const cite = citation ? `（${[citation.docNumber, citation.article].filter(Boolean).join(' ')}）` : '';
  const data: DiagnosticData = { version, fixes: finding.fixes ?? [], provision: provisionArgs(finding) };
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
