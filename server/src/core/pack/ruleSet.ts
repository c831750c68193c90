import { shownArticle } from '../citation';
import type { ResolvedCitation } from '../types';
import { compileLinear, type LinearPattern } from './safeRegex';
import type { CategoryRule, CitationRef, ClauseRule, FrontMatterCheck, Regulation, RulePack, Severity, SeverityOrOff } from './types';

/**
 * Packs merged and prepared for analysis. Built once per set of packs (not per
 * document or per call): phrase tables and regular expressions are compiled here.
 */
export interface RuleSet {
  packs: RulePack[];
  regulations: Map<string, Regulation>;
  categories: Map<string, CategoryRule>;
  clauses: CompiledClause[];
  checks: FrontMatterCheck[];
  /** Pack-level severity overrides, later packs win. */
  severities: Map<string, SeverityOrOff>;
  /** One alternation of every clause trigger phrase, longest first. */
  triggerPattern: RegExp | null;
  /** Which clause rules use each trigger phrase. */
  triggerOwners: Map<string, CompiledClause[]>;
  /** Compiled element patterns, keyed by source; they run on a linear-time engine (see safeRegex.ts). */
  elementPatterns: Map<string, LinearPattern>;
  resolve(ref: CitationRef | undefined): ResolvedCitation | undefined;
}

export interface CompiledClause {
  rule: ClauseRule;
  /** Groups of phrases; every group must hit. */
  groups: string[][];
  /** Every phrase of every group (for a gapped phrase, its first part): what the scanner looks for. */
  triggers: Set<string>;
  /** Gapped phrases (`不再…同类`) and their parts, in order. */
  parts: Map<string, string[]>;
}

/**
 * A phrase may hold gaps, written `…` (or `...`): `不再…同类` matches 不再引进同类 and
 * 不再规划建设同类 — the parts in order, each within GAP_LIMIT characters of the previous
 * one and with no comma or sentence break between them.
 */
export const GAP_LIMIT = 10;

export function gappedParts(phrase: string): string[] {
  if (!phrase.includes('…') && !phrase.includes('...')) return [phrase];
  return phrase.split(/…+|\.\.\./).filter((p) => p.length > 0);
}

const ESCAPE = /[.*+?^${}()|[\]\\]/g;
const escapeRegExp = (s: string) => s.replace(ESCAPE, '\\$&');

/** Merge packs in order. Later packs override earlier ones with the same category name or rule id. */
export function buildRuleSet(packs: RulePack[]): RuleSet {
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

  const clauses: CompiledClause[] = [];
  const triggerOwners = new Map<string, CompiledClause[]>();
  for (const rule of clauseById.values()) {
    const groups = (rule.all ?? (rule.any ? [rule.any] : [])).map((group) => group.filter((p) => p.length > 0));
    if (groups.length === 0 || groups.some((g) => g.length === 0)) continue;
    const parts = new Map<string, string[]>();
    for (const phrase of groups.flat()) {
      const split = gappedParts(phrase);
      if (split.length > 1) parts.set(phrase, split);
    }
    // A gapped phrase (不再…同类) is found by its first part, then checked in place.
    const triggers = new Set(groups.flat().map((p) => parts.get(p)?.[0] ?? p).filter((p) => p.length > 0));
    const compiled: CompiledClause = { rule, groups, triggers, parts };
    clauses.push(compiled);
    for (const phrase of compiled.triggers) {
      const owners = triggerOwners.get(phrase) ?? [];
      owners.push(compiled);
      triggerOwners.set(phrase, owners);
    }
  }
  const phrases = [...triggerOwners.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const triggerPattern = phrases.length > 0 ? new RegExp(phrases.map(escapeRegExp).join('|'), 'g') : null;

  const elementPatterns = new Map<string, LinearPattern>();
  for (const category of categories.values()) {
    for (const section of category.sections) {
      for (const element of section.elements ?? []) {
        if (element.pattern && !elementPatterns.has(element.pattern)) {
          try {
            elementPatterns.set(element.pattern, compileLinear(element.pattern));
          } catch {
            // Rejected when the pack was loaded; an invalid pattern simply never matches here.
          }
        }
      }
    }
  }

  const resolve = (ref: CitationRef | undefined): ResolvedCitation | undefined => {
    if (!ref) return undefined;
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
    triggerPattern,
    triggerOwners,
    elementPatterns,
    resolve,
  };
}

export function isSeverity(value: unknown): value is Severity {
  return value === 'error' || value === 'warning' || value === 'info' || value === 'hint';
}
