import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, analyzeText, DEFAULT_MAX_SIZE, parseDocument, type AgreementDocument, type AnalyzeOptions, type Finding, type RuleSet } from './core';

/**
 * One parse and one analysis per open document and text, shared by every feature. An entry
 * belongs to one document object and its exact text, not to a version number alone: a
 * document closed and reopened at the same version with other text gets a new analysis.
 */
export interface Analysis {
  uri: string;
  version: number;
  /** The document object analysed (a reopened document is another object). */
  document: TextDocument;
  /** The text analysed (for a text above the size limit `doc` is empty, this is not). */
  text: string;
  doc: AgreementDocument;
  findings: Finding[];
  ruleSet: RuleSet;
  options: AnalyzeOptions;
  /** Tells analyses apart without keeping them (what was last published). */
  serial: number;
}

/**
 * Analyses kept, most recently used last. An analysis holds its parsed document and findings;
 * a thousand open documents would keep a thousand of them for documents nobody looks at. The
 * documents in use (edited, hovered, asked for code actions) stay; another is analysed again
 * when asked for (the memos make that cheap), with the same findings.
 */
export const KEPT_ANALYSES = 32;

let serials = 0;

export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();

  constructor(private readonly kept = KEPT_ANALYSES) {}

  /**
   * The analysis of the document's current text. `keep` says whether the document is still
   * open: the analysis of a document closed meanwhile is returned but not kept, so closed
   * documents leave nothing behind.
   */
  get(document: TextDocument, ruleSet: RuleSet, options: AnalyzeOptions, keep = true): Analysis {
    const text = document.getText();
    const cached = this.entries.get(document.uri);
    if (cached && cached.document === document && cached.version === document.version && cached.text === text && cached.ruleSet === ruleSet && cached.options === options) {
      // Most recently used last.
      this.entries.delete(document.uri);
      this.entries.set(document.uri, cached);
      return cached;
    }
    // The same limit analyze() applies, so a text above it is never parsed.
    const tooLarge = text.length > (options.maxSize ?? DEFAULT_MAX_SIZE);
    // A document above the size limit is not parsed at all (only its size is reported).
    const doc = parseDocument(tooLarge ? '' : text);
    const findings = tooLarge ? analyzeText(text, ruleSet, options) : analyze(doc, ruleSet, options);
    const analysis: Analysis = { uri: document.uri, version: document.version, document, text, doc, findings, ruleSet, options, serial: ++serials };
    this.entries.delete(document.uri);
    if (keep) this.entries.set(document.uri, analysis);
    while (this.entries.size > this.kept) this.entries.delete(this.entries.keys().next().value!);
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
