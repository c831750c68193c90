import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, analyzeText, DEFAULT_MAX_SIZE, parseDocument, type AgreementDocument, type AnalyzeOptions, type Finding, type RuleSet } from './core';

/** One parse and one analysis per document version, shared by every feature. */
export interface Analysis {
  uri: string;
  version: number;
  doc: AgreementDocument;
  findings: Finding[];
  ruleSet: RuleSet;
  options: AnalyzeOptions;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();

  get(document: TextDocument, ruleSet: RuleSet, options: AnalyzeOptions): Analysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.ruleSet === ruleSet && cached.options === options) return cached;
    const text = document.getText();
    // The same limit analyze() applies, so a text above it is never parsed.
    const tooLarge = text.length > (options.maxSize ?? DEFAULT_MAX_SIZE);
    // A document above the size limit is not parsed at all (only its size is reported).
    const doc = parseDocument(tooLarge ? '' : text);
    const findings = tooLarge ? analyzeText(text, ruleSet, options) : analyze(doc, ruleSet, options);
    const analysis: Analysis = { uri: document.uri, version: document.version, doc, findings, ruleSet, options };
    this.entries.set(document.uri, analysis);
    return analysis;
  }

  peek(uri: string): Analysis | undefined {
    return this.entries.get(uri);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
