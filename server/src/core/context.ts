import type { CategoryRule } from './pack/types';
import type { RuleSet } from './pack/ruleSet';
import type { AgreementDocument } from './parse';
import type { Finding, Fix, ResolvedCitation, Span } from './types';
import type { Severity } from './pack/types';
import { identifyParties, type Parties } from './parties';
import { bodyPartyLines } from './bodyPartyLines';
import type { WorkCalendar } from './records/dates';

/** What every check receives: the one parsed document, the rule set, and a sink for findings. */
export interface CheckContext {
  doc: AgreementDocument;
  rules: RuleSet;
  /** The category named by 类别, when the rule set knows it. */
  category: CategoryRule | undefined;
  parties: Parties;
  /** Public holidays and worked weekend days, for working-day limits (weekends only when absent). */
  calendar?: WorkCalendar;
  report(finding: DraftFinding): void;
}

export interface DraftFinding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  citation?: ResolvedCitation;
  seeAlso?: ResolvedCitation[];
  /**
   * The finding's fixes, or how to compute them: analysis computes no fix edit; they are
   * computed when asked for (`fixesOf`, core/fixes/onDemand.ts). A function may be shared by
   * several findings (`onceFixes`), which then share the same fixes.
   */
  fixes?: FixSource;
}

export type FixSource = Fix[] | (() => Fix[]);

/** Fixes computed at most once, for every finding that shares them. */
export function onceFixes(compute: () => Fix[]): () => Fix[] {
  let fixes: Fix[] | undefined;
  return () => (fixes ??= compute());
}

export function createContext(doc: AgreementDocument, rules: RuleSet, sink: DraftFinding[], calendar?: WorkCalendar): CheckContext {
  const categoryName = doc.frontMatter.data['类别'];
  return {
    doc,
    rules,
    category: typeof categoryName === 'string' ? rules.categories.get(categoryName.trim()) : undefined,
    parties: partiesOf(doc),
    calendar,
    report: (finding) => sink.push(finding),
  };
}

function partiesOf(doc: AgreementDocument) {
  const bodyFrom = doc.frontMatter.present ? doc.frontMatter.span.end : 0;
  return identifyParties(doc.frontMatter.data, doc.text.slice(bodyFrom), bodyPartyLines(doc, bodyFrom));
}

export type Check = (context: CheckContext) => void;
export type { Finding };
