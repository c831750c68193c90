/** Build an `Analysis` the way the server does, and apply LSP edits back to text. */
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../../server/src/analysisCache';
import { analyze, applyEdits, parseDocument, type RuleSet } from '../../../server/src/core';
import { toDiagnostic } from '../../../server/src/features/diagnostics';

export const URI = 'file:///tmp/unit.agreement.md';

export function analysisOf(text: string, ruleSet: RuleSet, version = 1): Analysis {
  const doc = parseDocument(text);
  const document = TextDocument.create(URI, 'agreement', version, text);
  return { uri: URI, version, document, text, doc, findings: analyze(doc, ruleSet, {}), ruleSet, options: {}, serial: 0 };
}

export function diagnosticsOf(analysis: Analysis) {
  return analysis.findings.map((f) => toDiagnostic(f, analysis.version, '/nonexistent/regulations'));
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const doc = parseDocument(text);
  return applyEdits(
    text,
    edits.map((e) => ({ start: doc.lines.offsetAt(e.range.start), end: doc.lines.offsetAt(e.range.end), newText: e.newText })),
  );
}

export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit | undefined): string {
  return applyTextEdits(text, edit?.changes?.[URI] ?? []);
}
