/**
 * The shape of a rule pack, as read from `rules/*.yaml` and validated by
 * `schemas/rule-pack.schema.json`. Packs are data: nothing in a pack is ever
 * executed. Keys are English so that tooling can read them; every text a user
 * sees (names, messages, skeletons, provisions) is Chinese.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

/** A reference to one provision of one regulation declared in some loaded pack. */
export interface CitationRef {
  /** `Regulation.id` of a regulation declared in this or another loaded pack. */
  regulation: string;
  /** A key of that regulation's `provisions`, e.g. `二(四)` or `第十五条`. */
  article: string;
}

export interface Regulation {
  /** Stable short id used by citations, e.g. `hb-2017-47`. */
  id: string;
  /** 文号, e.g. `河北政办〔2017〕47号`. Empty string when the document has none. */
  docNumber: string;
  title: string;
  issuer: string;
  /** ISO date `YYYY-MM-DD` (or `YYYY` / `YYYY-MM` when only that is known). */
  date: string;
  /** File name under the extension's `regulations/` folder holding the full text. */
  file?: string;
  /** Public address of the text, when one is known. */
  url?: string;
  /** Verification grade for national provisions: A (verbatim from a law database), B. Grade C never appears here. */
  grade?: 'A' | 'B';
  /** Article key → the provision's exact words. */
  provisions: Record<string, string>;
}

export interface ElementRule {
  /** The element's canonical name, e.g. `资金保障`. */
  name: string;
  /** Other words that count as naming it, e.g. `经费保障`. Matched as plain substrings of the section text. */
  synonyms?: string[];
  /**
   * Optional: a regular expression (ECMAScript syntax, no flags, linear-safe) that must
   * match somewhere in the section text, used for elements like "time points" (a year or date).
   * When present, the element is present if the pattern OR any name/synonym matches.
   */
  pattern?: string;
  /**
   * With `pattern`: the name or a synonym alone does not satisfy the element, only text
   * matching the pattern does (a 时间节点 must be a year or a date, not the word).
   */
  requirePattern?: boolean;
  /** What the element's content must be, in Chinese, for the finding (`到哪一年、哪一时间完成的具体年份或日期`). */
  contentHint?: string;
  /** Text inserted by the quick fix, without numbering, e.g. `资金保障。……` or `资金来源：……`. */
  skeleton: string;
  /** How inserts are formed: `item` → a numbered sub-heading at the next level; `label` → a `名称：……` line. */
  insertAs?: 'item' | 'label';
  severity?: Severity;
  /** Required only in these 文种 of the category (see `appliesToDocType`). */
  docTypes?: string[];
  citation: CitationRef;
}

export interface SectionRule {
  /** Canonical name, e.g. `合作原则`. */
  name: string;
  /** Names that also satisfy this section, e.g. `合作宗旨`. */
  aliases?: string[];
  /** Default true. Optional sections are offered by completion but not reported missing. */
  required?: boolean;
  /**
   * Required only in these 文种 of the category: a yearly 协议书 need not repeat the framework
   * of the 议定书 it implements. A document of a 文种 the category does not list gets the whole framework.
   */
  docTypes?: string[];
  severity?: Severity;
  /** Body text inserted below the heading by quick fixes and snippets; tells the officer what to write. */
  skeleton: string;
  /** Elements this section must name ("guarantees"). */
  elements?: ElementRule[];
  /**
   * When true, each level-2 item under this section (e.g. each project under 重点项目)
   * must name every element, rather than the section as a whole.
   */
  elementsPerItem?: boolean;
  citation: CitationRef;
}

export interface CategoryRule {
  /** The 类别 value in front matter, e.g. `企业集团`. */
  name: string;
  /** One line in Chinese: who the counterparty is, who leads. */
  description: string;
  /** 文种 values this category normally uses; a mismatch is a warning. */
  docTypes?: string[];
  /** Optional sub-types (e.g. the eleven 政府合同 types), read from front matter key `subTypeKey`. */
  subTypeKey?: string;
  subTypes?: string[];
  /** Sections in canonical order. */
  sections: SectionRule[];
  citation: CitationRef;
}

/**
 * A named lexicon (see docs/clause-model.md). Terms are literal text with `…` gaps and
 * `{名称}` references to other concepts; a later pack's concept of the same name adds terms.
 */
export interface ConceptDef {
  name: string;
  description?: string;
  terms?: string[];
  include?: string[];
  except?: string[];
}

/** One slot of a clause pattern: a concept (or the rule's own terms) that must occur. */
export interface PatternSlot {
  /** What the slot stands for: who, benefit, basis, condition, act, object … (documentation and findings). */
  role: string;
  concept?: string;
  terms?: string[];
  /** Default true: a negation cue governing this slot's occurrence cancels it. */
  negatable?: boolean;
}

/**
 * A clause pattern: every slot occurs in the scope; `head` (default the first slot) is the
 * one the acting party is read for; `unless` terms anywhere in the scope make it compliant.
 */
export interface ClausePattern {
  slots: PatternSlot[];
  head?: string;
  /** clause: one comma-clause; sentence: one sentence; item (default): a sentence read with its list lead-in. */
  within?: 'clause' | 'sentence' | 'item';
  /** `government-body`: as `government`, but a state-owned company of the government side (城投, 产业投资集团) acting is its lawful vehicle, not a government body. */
  actor?: 'government' | 'government-body' | 'counterparty' | 'any';
  unless?: string[];
}

/**
 * A forbidden-clause rule, evaluated per sentence by the clause model
 * (`core/clause/match.ts`, docs/clause-model.md): a `pattern` over concepts, or the
 * shorthand `any` / `all` (one slot per phrase group, the first group the head).
 */
export interface ClauseRule {
  /** `clause/<name>`. */
  id: string;
  severity: Severity;
  /** Short Chinese title, e.g. `排他性条款`. */
  title: string;
  /** What is wrong (Chinese). */
  message: string;
  /** What to do (Chinese). */
  advice: string;
  pattern?: ClausePattern;
  /** Further patterns for the same risk, tried after `pattern`: the rule reports when any matches. */
  alternatives?: ClausePattern[];
  /** Shorthand: one slot of these phrases. */
  any?: string[];
  /** Shorthand: one slot per group, in order; the first is the head. */
  all?: string[][];
  /** With the shorthand: phrases anywhere in the sentence that make it compliant. */
  unless?: string[];
  /** With the shorthand: false turns negation off for every slot. */
  negatable?: boolean;
  /** `counterparty`: the mirror of `government` — reported unless the acting party is a government body (企业为政府垫资). */
  actor?: 'government' | 'counterparty' | 'any';
  /** Compliant wording offered by the quick fix in place of the sentence. */
  replacement?: string;
  /** Categories this rule applies to; absent → all. */
  categories?: string[];
  citation: CitationRef;
  /** Extra citations shown in hover (national provisions backing the rule). */
  seeAlso?: CitationRef[];
  /** More specific rules this one gives way to when both are found on the same words of a sentence. */
  yieldsTo?: string[];
  examples: { bad: string[]; good: string[] };
}

/** A condition on the front matter. */
export interface FrontMatterCondition {
  key: string;
  /** Present and equal to one of these values. */
  in?: Array<string | number | boolean>;
  /** Present and not equal to any of these. */
  notIn?: Array<string | number | boolean>;
  /** Key missing or empty (true), or present and non-empty (false). */
  missing?: boolean;
}

/**
 * A procedure or format check over the front matter (`procedure/*`, `format/*`):
 * when every `when` condition holds and none of `requireAny` keys is present
 * (non-empty, not false), report. Range: the key named by `anchor` if present, else the front matter.
 */
export interface FrontMatterCheck {
  id: string;
  severity: Severity;
  title: string;
  message: string;
  advice: string;
  when?: FrontMatterCondition[];
  requireAny?: string[];
  /** Key/value placeholder a quick fix adds, e.g. `法律顾问意见: 已出具（日期、文号）`. */
  insert?: { key: string; value: string };
  anchor?: string;
  categories?: string[];
  /** The stages (阶段) in which the check applies; every stage when absent. */
  stages?: string[];
  citation: CitationRef;
  seeAlso?: CitationRef[];
}

export interface RulePack {
  /** Stable id, e.g. `builtin/hebei-2017-47`. */
  id: string;
  title: string;
  version?: string;
  regulations?: Regulation[];
  categories?: CategoryRule[];
  /** Named lexicons the clause patterns of this and later packs use. */
  concepts?: ConceptDef[];
  clauses?: ClauseRule[];
  checks?: FrontMatterCheck[];
  /** Severity overrides this pack applies to rules from earlier packs. */
  severities?: Record<string, SeverityOrOff>;
  /** The checkable requirements of this pack's regulations and what checks each. */
  requirements?: RequirementCoverage[];
}

/** One checkable requirement of a regulation: the rules that check it, or why none can. */
export interface RequirementCoverage {
  /** Stable id, e.g. `000-§二(一)-总体思路`. */
  id: string;
  text: string;
  rules?: string[];
  notCheckable?: string;
}
