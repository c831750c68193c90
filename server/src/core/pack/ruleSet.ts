import { shownArticle } from '../citation';
import type { ResolvedCitation } from '../types';
import { compileClause, type CompiledClause } from '../clause/compile';
import { compileConcepts, type Concept } from '../clause/concepts';
import { buildAnchorIndex, type AnchorIndex } from '../clause/scan';
import type { ClauseModel } from '../clause/model/classifier';
import { compileLinearLazily, type LinearPattern } from './safeRegex';
import type { CategoryRule, CitationRef, ClauseRule, FrontMatterCheck, Regulation, RulePack, Severity, SeverityOrOff } from './types';

export type { CompiledClause };

/**
 * Packs merged and prepared for analysis. Built once per set of packs (not per
 * document or per call): concepts, clause patterns and regular expressions are compiled here.
 */
export interface RuleSet {
  packs: RulePack[];
  regulations: Map<string, Regulation>;
  categories: Map<string, CategoryRule>;
  clauses: CompiledClause[];
  checks: FrontMatterCheck[];
  /** Pack-level severity overrides, later packs win. */
  severities: Map<string, SeverityOrOff>;
  /** Every concept of every pack, merged by name (docs/clause-model.md). */
  concepts: Map<string, Concept>;
  /** The first-pass index over the clause rules' anchor literals. */
  anchorIndex: AnchorIndex;
  /** Compiled element patterns, keyed by source; they run on a linear-time engine (see safeRegex.ts). */
  elementPatterns: Map<string, LinearPattern>;
  /** The clause model (clause/model/), when one is loaded: it judges sentences the clause rules do not read. */
  clauseModel?: ClauseModel;
  resolve(ref: CitationRef | undefined): ResolvedCitation | undefined;
}

/** Merge packs in order. Later packs override earlier ones with the same category name or rule id. */
export function buildRuleSet(packs: RulePack[], clauseModel?: ClauseModel): RuleSet {
  const regulations = new Map<string, Regulation>();
  const categories = new Map<string, CategoryRule>();
  const clauseById = new Map<string, ClauseRule>();
  const checkById = new Map<string, FrontMatterCheck>();
  const severities = new Map<string, SeverityOrOff>();
  for (const pack of packs) {
    for (const regulation of pack.regulations ?? []) {
      const existing = regulations.get(regulation.id);
      regulations.set(regulation.id, existing ? { ...existing, ...regulation, provisions: { ...existing.provisions, ...regulation.provisions } } : regulation);
    }
    for (const category of pack.categories ?? []) categories.set(category.name, category);
    for (const clause of pack.clauses ?? []) clauseById.set(clause.id, clause);
    for (const check of pack.checks ?? []) checkById.set(check.id, check);
    for (const [id, severity] of Object.entries(pack.severities ?? {})) severities.set(id, severity);
  }

  const concepts = compileConcepts(packs.flatMap((pack) => pack.concepts ?? []));
  const clauses: CompiledClause[] = [];
  for (const rule of clauseById.values()) {
    const compiled = compileClause(rule, concepts);
    if (compiled) clauses.push(compiled);
  }
  const anchorIndex = buildAnchorIndex(clauses);

  const elementPatterns = new Map<string, LinearPattern>();
  for (const category of categories.values()) {
    for (const section of category.sections) {
      for (const element of section.elements ?? []) {
        // Compiled when first tried; an invalid pattern (rejected when the pack was loaded) simply never matches.
        if (element.pattern && !elementPatterns.has(element.pattern)) elementPatterns.set(element.pattern, compileLinearLazily(element.pattern));
      }
    }
  }

  // One resolved citation per provision, shared by every finding that cites it (read-only data).
  const resolved = new Map<string, ResolvedCitation | undefined>();
  // By the rule's own reference object first: a finding of every version asks again, and a key string costs a copy and a hash.
  const byRef = new WeakMap<CitationRef, ResolvedCitation | null>();
  const resolve = (ref: CitationRef | undefined): ResolvedCitation | undefined => {
    if (!ref) return undefined;
    const known = byRef.get(ref);
    if (known !== undefined) return known ?? undefined;
    const key = `${ref.regulation}\u0000${ref.article}`;
    const citation = resolved.has(key) ? resolved.get(key) : resolveNew(ref);
    resolved.set(key, citation);
    byRef.set(ref, citation ?? null);
    return citation;
  };
  const resolveNew = (ref: CitationRef): ResolvedCitation | undefined => {
    const regulation = regulations.get(ref.regulation);
    if (!regulation) return undefined;
    return {
      regulationId: regulation.id,
      docNumber: regulation.docNumber,
      title: regulation.title,
      issuer: regulation.issuer,
      article: shownArticle(ref.article),
      text: regulation.provisions[ref.article] ?? '',
      url: regulation.url,
      file: regulation.file,
    };
  };

  return {
    packs,
    regulations,
    categories,
    clauses,
    checks: [...checkById.values()],
    severities,
    concepts,
    anchorIndex,
    elementPatterns,
    ...(clauseModel ? { clauseModel } : {}),
    resolve,
  };
}

export function isSeverity(value: unknown): value is Severity {
  return value === 'error' || value === 'warning' || value === 'info' || value === 'hint';
}
