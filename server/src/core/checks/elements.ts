import type { CheckContext } from '../context';
import { childStyle, formatMarker } from '../fixes/numbering';
import type { ElementRule, SectionRule } from '../pack/types';
import type { Section } from '../parse';
import { matchSections } from '../sectionMatch';
import type { Fix } from '../types';
import { withEol } from './sectionFixes';

/**
 * `element/missing`: a section must name certain things (the "guarantees"): 保障措施
 * names 政策保障、人员保障、资金保障; each 重点项目 item names 实施主体、资金来源 ….
 * An element counts as present when the section's text names it or a synonym,
 * or matches its pattern; a sub-heading is not required.
 */
export function checkElements(context: CheckContext): void {
  const { category, doc } = context;
  if (!category) return;
  for (const match of matchSections(doc, category)) {
    const elements = match.rule.elements ?? [];
    if (elements.length === 0) continue;
    for (const section of match.sections) {
      const units = match.rule.elementsPerItem && section.children.length > 0 ? section.children : [section];
      for (const unit of units) checkUnit(context, match.rule, unit, elements, unit !== section);
    }
  }
}

function checkUnit(context: CheckContext, rule: SectionRule, unit: Section, elements: ElementRule[], isItem: boolean): void {
  const { doc, rules } = context;
  const text = doc.text.slice(unit.heading.nameSpan.start, unit.span.end);
  for (const element of elements) {
    if (isPresent(context, element, text)) continue;
    const where = isItem ? `“${rule.name}”中的“${unit.name}”` : `“${unit.name}”`;
    context.report({
      rule: 'element/missing',
      severity: element.severity ?? 'warning',
      message: `${where}未写明“${element.name}”。请补充${element.name}的具体内容。`,
      span: unit.heading.nameSpan.end > unit.heading.nameSpan.start ? unit.heading.nameSpan : unit.heading.lineSpan,
      citation: rules.resolve(element.citation),
      fixes: [insertElementFix(context, unit, element)],
    });
  }
}

export function isPresent(context: CheckContext, element: ElementRule, text: string): boolean {
  if (text.includes(element.name)) return true;
  if (element.synonyms?.some((s) => s.length > 0 && text.includes(s))) return true;
  if (element.pattern) {
    const re = context.rules.elementPatterns.get(element.pattern);
    if (re && re.test(text)) return true;
  }
  return false;
}

/** Insert the element at the end of its section: a numbered item, or a `名称：……` line. */
export function insertElementFix(context: CheckContext, unit: Section, element: ElementRule): Fix {
  const { doc } = context;
  const eol = doc.eol;
  let end = unit.span.end;
  // Insert before trailing blank lines so the new text joins the section.
  while (end > unit.bodySpan.start && /[\r\n \t\u3000]/.test(doc.text[end - 1])) end--;
  if (end < unit.heading.lineSpan.end) end = unit.heading.lineSpan.end;
  const skeleton = withEol(element.skeleton.trim(), eol);
  let line: string;
  if ((element.insertAs ?? 'item') === 'item') {
    const items = unit.children;
    const style = items.length > 0 ? items[0].heading.style : childStyle(unit.heading.style);
    const sample = items.find((s) => s.heading.style === style)?.heading.marker;
    const number = items.filter((s) => s.heading.style === style).length + 1;
    line = `${formatMarker(style, number, sample)}${skeleton}`;
  } else {
    line = skeleton;
  }
  return { title: `补充“${element.name}”`, edits: [{ start: end, end, newText: `${eol}${line}` }], safe: true, preferred: true };
}
