import type { CategoryRule, SectionRule } from './pack/types';
import type { AgreementDocument, Section } from './parse';

/**
 * The names a heading answers to. `合作原则（宗旨）` answers to 合作原则, 宗旨 and
 * 合作宗旨 (the parenthesis replaces the same number of trailing characters);
 * `合作方式(机制)` to 合作方式, 机制, 合作机制.
 */
export function headingNames(name: string): string[] {
  const clean = name.replace(/[ \t\u3000]/g, '').replace(/方面$/, '');
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
  return [rule.name, ...(rule.aliases ?? [])];
}

/** Does a heading with this name satisfy the section rule? */
export function sectionSatisfies(headingName: string, rule: SectionRule): boolean {
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

/** Match every section rule of a category against the document's sections (any depth). */
export function matchSections(doc: AgreementDocument, category: CategoryRule): SectionMatch[] {
  return category.sections.map((rule, order) => {
    const sections = doc.allSections.filter((section) => section.name.length > 0 && sectionSatisfies(section.name, rule));
    // A sub-heading inside a satisfying section (（一）协商合作机制 under 四、合作机制) is part of it, not another instance.
    const outer = sections.filter((section) => !sections.some((other) => other !== section && isAncestor(other, section)));
    return { rule, order, sections: outer };
  });
}

function isAncestor(ancestor: Section, section: Section): boolean {
  for (let p = section.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** The section's full text including its sub-sections. */
export function sectionText(doc: AgreementDocument, section: Section): string {
  return doc.text.slice(section.heading.nameSpan.start, section.span.end);
}
