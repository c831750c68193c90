/**
 * The analysis core: text in, findings out. No LSP, no editor, no I/O.
 * The language server, the CLI and the tests are thin callers of this module.
 */
export { analyze, analyzeText, DEFAULT_MAX_SIZE, type AnalyzeOptions } from './analyze';
export { parseDocument, LineIndex, type AgreementDocument, type Section, type Heading } from './parse';
export { buildRuleSet, type RuleSet } from './pack/ruleSet';
export { loadPack, unresolvedCitations, unresolvedConcepts, type PackProblem } from './pack/load';
export { applyEdits, minimalEdit } from './fixes/edits';
export { fixesOf, analysedFinding } from './fixes/onDemand';
export { fixesFor, findingIn, NOT_CURRENT, type FindingRef, type FixesAnswer } from './fixes/fixesFor';
export type * from './types';
export type * from './pack/types';
export { citationDocument, citationLabel } from './citation';
export * as ledger from './ledger';
