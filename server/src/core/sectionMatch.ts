import type { CategoryRule, SectionRule } from './pack/types';
import type { AgreementDocument, Section } from './parse';
import { normaliseWord } from './clause/normalise';

/**
 * A heading name as compared: simplified characters (合作原則 → 合作原则), ASCII forms
 * of full-width punctuation, no blanks, and without the words around the name that do
 * not change it: 建立保障机制 → 保障机制, 双方的合作内容 → 合作内容, 合作领域方面 → 合作领域.
 */
export function comparableName(name: string): string {
  return normaliseWord(name)
    .replace(/^(?:建立健全|建立完善|健全完善|建立|健全|完善|加强|强化|构建|明确|落实)(?=.{4})/, '')
    .replace(/^(?:甲乙双方|双方)的?(?=.{4})/, '')
    .replace(/方面$/, '');
}

const wantedCache = new WeakMap<SectionRule, string[]>();

/**
 * The names a heading answers to. `合作原则（宗旨）` answers to 合作原则, 宗旨 and
 * 合作宗旨 (the parenthesis replaces the same number of trailing characters);
 * `合作方式(机制)` to 合作方式, 机制, 合作机制.
 */
export function headingNames(name: string): string[] {
  let names = namesCache.get(name);
  if (!names) {
    // Documents repeat heading names (1. 条目 × 1000): compute each once, in a bounded cache.
    if (namesCache.size >= NAMES_CACHE_SIZE) namesCache.clear();
    names = computeHeadingNames(name);
    namesCache.set(name, names);
  }
  return names;
}

const NAMES_CACHE_SIZE = 5000;
const namesCache = new Map<string, string[]>();

function computeHeadingNames(name: string): string[] {
  const clean = comparableName(name);
  const out = new Set<string>();
  const paren = /^(.*?)[（(]([^）)]*)[）)](.*)$/.exec(clean);
  if (!paren) {
    out.add(clean);
    return [...out];
  }
  const base = paren[1] + paren[3];
  const inner = paren[2];
  out.add(base);
  for (const alt of inner.split(/[、，,/／或和与及]/)) {
    if (alt.length === 0) continue;
    out.add(alt);
    if (paren[1].length >= alt.length) out.add(paren[1].slice(0, paren[1].length - alt.length) + alt + paren[3]);
    out.add(paren[1] + alt);
  }
  return [...out];
}

function names(rule: SectionRule): string[] {
  let wanted = wantedCache.get(rule);
  if (!wanted) {
    wanted = [rule.name, ...(rule.aliases ?? [])].map(comparableName);
    wantedCache.set(rule, wanted);
  }
  return wanted;
}

/** Is the heading name one of the rule's names (no containment: for unnumbered lines, which may be prose)? */
export function sectionNamed(headingName: string, rule: SectionRule): boolean {
  const wanted = names(rule);
  return headingNames(headingName).some((c) => wanted.includes(c));
}

/**
 * Does a heading with this name satisfy the section rule? Pure in both, and asked for every
 * section and every rule of the category at each analysis: kept per rule, in a bounded table.
 */
export function sectionSatisfies(headingName: string, rule: SectionRule): boolean {
  let known = satisfiesCache.get(rule);
  if (!known) satisfiesCache.set(rule, (known = new Map()));
  let satisfies = known.get(headingName);
  if (satisfies === undefined) {
    if (known.size >= NAMES_CACHE_SIZE) known.clear();
    satisfies = computeSectionSatisfies(headingName, rule);
    // (' ' + name).slice(1) is a flat copy: a key must not pin the document the name was sliced from.
    known.set((' ' + headingName).slice(1), satisfies);
  }
  return satisfies;
}

const satisfiesCache = new WeakMap<SectionRule, Map<string, boolean>>();

function computeSectionSatisfies(headingName: string, rule: SectionRule): boolean {
  const candidates = headingNames(headingName);
  const wanted = names(rule);
  if (candidates.some((c) => wanted.includes(c))) return true;
  // "双方合作原则", "合作原则和宗旨": a wanted name of four or more characters inside the heading.
  return candidates.some((c) => c.length <= 16 && wanted.some((w) => w.length >= 4 && c.includes(w)));
}

export interface SectionMatch {
  rule: SectionRule;
  /** Canonical position in the category. */
  order: number;
  /** Sections satisfying it, in document order. */
  sections: Section[];
}

/**
 * Match every section rule of a category against the document's sections (any depth).
 * A rule no numbered section satisfies may be satisfied by an unnumbered heading line
 * (合作目标 alone on its line) that names it: see `unnumberedSections`.
 */
export function matchSections(doc: AgreementDocument, category: CategoryRule): SectionMatch[] {
  const plain = doc.plainHeadings.length > 0 ? unnumberedSections(doc, category) : [];
  return category.sections.map((rule, order) => {
    let sections = doc.allSections.filter((section) => section.name.length > 0 && sectionSatisfies(section.name, rule));
    if (sections.length === 0) sections = plain.filter((section) => sectionNamed(section.name, rule));
    // A sub-heading inside a satisfying section (（一）协商合作机制 under 四、合作机制) is part of it, not another instance.
    const outer = sections.filter((section) => !sections.some((other) => other !== section && isAncestor(other, section)));
    return { rule, order, sections: outer };
  });
}

const unnumberedCache = new WeakMap<AgreementDocument, WeakMap<CategoryRule, Section[]>>();

/**
 * Sections opened by unnumbered heading lines that name a section of the category. Each
 * runs to the next such line or the next top-level numbered heading (一、 第X条 第X章 #),
 * and holds the numbered items inside it. Outside the section tree: `allSections` and
 * numbering are unchanged.
 */
export function unnumberedSections(doc: AgreementDocument, category: CategoryRule): Section[] {
  let byCategory = unnumberedCache.get(doc);
  if (!byCategory) unnumberedCache.set(doc, (byCategory = new WeakMap()));
  const cached = byCategory.get(category);
  if (cached) return cached;
  const naming = doc.plainHeadings.filter((h) => category.sections.some((rule) => sectionNamed(h.name, rule)));
  // Cursors over headings, sections and sentences (all in document order): linear overall.
  let top = 0;
  let sectionCursor = 0;
  let sentenceCursor = 0;
  const out: Section[] = naming.map((heading, i) => {
    const start = heading.lineSpan.start;
    const nextPlain = i + 1 < naming.length ? naming[i + 1].lineSpan.start : doc.text.length;
    while (top < doc.headings.length && (doc.headings[top].lineSpan.start <= start || doc.headings[top].rank > 30)) top++;
    const end = Math.min(nextPlain, top < doc.headings.length ? doc.headings[top].lineSpan.start : doc.text.length);
    const bodyStart = heading.line + 1 < doc.lines.lineCount ? Math.min(doc.lines.lineStarts[heading.line + 1], end) : end;
    const inside = (s: Section) => s.span.start >= start && s.span.start < end;
    const children: Section[] = [];
    while (sectionCursor < doc.allSections.length && doc.allSections[sectionCursor].span.start < start) sectionCursor++;
    for (let k = sectionCursor; k < doc.allSections.length && doc.allSections[k].span.start < end; k++) {
      const s = doc.allSections[k];
      if (!(s.parent && inside(s.parent))) children.push(s);
    }
    const sentences = [];
    while (sentenceCursor < doc.sentences.length && doc.sentences[sentenceCursor].span.start < start) sentenceCursor++;
    for (let k = sentenceCursor; k < doc.sentences.length && doc.sentences[k].span.start < end; k++) sentences.push(doc.sentences[k]);
    return { heading, name: heading.name, depth: 1, parent: null, children, span: { start, end }, bodySpan: { start: bodyStart, end }, sentences, index: -1 };
  });
  byCategory.set(category, out);
  return out;
}

function isAncestor(ancestor: Section, section: Section): boolean {
  for (let p = section.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** The section's full text including its sub-sections. */
export function sectionText(doc: AgreementDocument, section: Section): string {
  return doc.text.slice(section.heading.nameSpan.start, section.span.end);
}
