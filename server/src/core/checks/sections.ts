import { onceFixes, type CheckContext } from '../context';
import { matchSections, sectionText, type SectionMatch } from '../sectionMatch';
import { onlyPlaceholders } from '../placeholders';
import { skeletonLines } from '../skeletonLines';
import type { Section } from '../parse';
import type { CategoryRule, SectionRule } from '../pack/types';
import { appliesToDocType, documentDocType } from '../docTypeScope';
import type { Fix, Span } from '../types';

/** A pasted list of 1,000 items numbered "1." is one problem, not 999: report the first few, then a summary. */
const MAX_NUMBERING_FINDINGS_PER_GROUP = 10;
import { insertSectionFix, insertSectionsFix, renumberEdits } from './sectionFixes';
import { moveSectionFix } from './sectionMove';

/**
 * `section/missing` and `section/order`: the category's framework, from its rule pack.
 * All missing sections are one finding on the title (one insert per section, and one
 * for all); a section that holds only placeholders is not written yet and is reported
 * on its own heading.
 */
export function checkSections(context: CheckContext): void {
  const { category, doc, rules } = context;
  if (!category) return;
  const all = matchSections(doc, category);
  const instructions = skeletonLines(rules, category);
  const matches = all.map((m) => ({ ...m, sections: m.sections.filter((s) => !onlyPlaceholders(sectionText(doc, s).slice(s.name.length), instructions)) }));
  const docType = documentDocType(doc);
  const isRequired = (s: SectionRule): boolean => s.required !== false && appliesToDocType(s.docTypes, docType, category);
  const required = category.sections.filter(isRequired).map((s) => s.name);
  const missing = matches.filter((m) => m.sections.length === 0 && isRequired(m.rule));
  const absent = missing.filter((m) => all[m.order].sections.length === 0);
  if (absent.length > 0) {
    const names = absent.map((m) => `“${m.rule.name}”${aliasNote(m)}`).join('、');
    // One insert per section, and one for all (preferred when there are several).
    const fixes = (): Fix[] => {
      const inserts = absent.map((m) => ({ ...insertSectionFix(context, matches, m), preferred: absent.length === 1 }));
      if (absent.length > 1) inserts.push({ ...insertSectionsFix(context, matches, absent, `插入全部缺少的 ${absent.length} 节`), preferred: true });
      return inserts;
    };
    const citations = [...new Map(absent.map((m) => rules.resolve(m.rule.citation)).filter((c) => c !== undefined).map((c) => [`${c.regulationId} ${c.article}`, c])).values()];
    context.report({
      rule: 'section/missing',
      severity: absent.some((m) => (m.rule.severity ?? 'error') === 'error') ? 'error' : (absent[0].rule.severity ?? 'error'),
      message: `缺少${names}${absent.length > 1 ? `共 ${absent.length} 节` : '一节'}。${category.name}类${frameworkOf(category, docType)}的框架应包括：${required.join('、')}。`,
      span: missingAnchor(context),
      citation: citations[0],
      seeAlso: citations.slice(1),
      fixes,
    });
  }
  for (const match of missing.filter((m) => all[m.order].sections.length > 0)) {
    const section = all[match.order].sections[0];
    context.report({
      rule: 'section/missing',
      severity: match.rule.severity ?? 'error',
      message: `“${section.name}”一节尚未填写，只有占位内容。请写明${match.rule.name}的实际内容。`,
      span: section.heading.nameSpan.end > section.heading.nameSpan.start ? section.heading.nameSpan : section.heading.lineSpan,
      citation: rules.resolve(match.rule.citation),
    });
  }
  // Order is about where sections stand, written or not.
  checkOrder(context, all);
}

/** 文书, or the 文种 itself where the category's framework differs by 文种 (议定书 and its yearly 协议书). */
function frameworkOf(category: CategoryRule, docType: string | undefined): string {
  const varies = category.sections.some((s) => s.docTypes?.length);
  return varies && docType && category.docTypes?.includes(docType) ? docType : '文书';
}

function aliasNote(match: SectionMatch): string {
  return match.rule.aliases?.length ? `（或“${match.rule.aliases.slice(0, 2).join('”“')}”）` : '';
}

/** Where a missing-section finding is shown: the title, else the first heading, else 类别. */
export function missingAnchor(context: CheckContext): Span {
  const { doc } = context;
  if (doc.title) return doc.title.span;
  const first = doc.headings[0];
  if (first) return first.nameSpan.end > first.nameSpan.start ? first.nameSpan : first.lineSpan;
  const category = doc.frontMatter.entries.get('类别');
  if (category) return category.valueSpan.end > category.valueSpan.start ? category.valueSpan : category.keySpan;
  const start = doc.frontMatter.bodyStart;
  return { start, end: Math.max(start, doc.lines.lineContentEnd(doc.lines.positionAt(start).line)) };
}

function checkOrder(context: CheckContext, matches: SectionMatch[]): void {
  // The first satisfying section of each present rule, in document order.
  const present = matches
    .filter((m) => m.sections.length > 0)
    .map((m) => ({ match: m, section: m.sections[0] }))
    .sort((a, b) => a.section.span.start - b.section.span.start);
  const keep = longestIncreasing(present.map((p) => p.match.order));
  present.forEach((item, i) => {
    if (keep.has(i)) return;
    const previous = [...present].filter((p, j) => keep.has(j) && p.match.order < item.match.order).pop();
    const next = present.find((p, j) => keep.has(j) && p.match.order > item.match.order);
    const where = previous ? `应位于“${previous.section.name}”之后` : next ? `应位于“${next.section.name}”之前` : '位置不符合规定顺序';
    const order = context.category!.sections.map((s) => s.name).join('、');
    const fixes = (): Fix[] => {
      const fix = moveSectionFix(context, item.section, previous?.section, next?.section);
      return fix ? [fix] : [];
    };
    context.report({
      rule: 'section/order',
      severity: 'warning',
      message: `“${item.section.name}”${where}。规定的顺序为：${order}。`,
      span: item.section.heading.nameSpan,
      citation: context.rules.resolve(item.match.rule.citation),
      fixes,
    });
  });
}

/** Indices of one longest strictly increasing subsequence. */
function longestIncreasing(values: number[]): Set<number> {
  const n = values.length;
  const length = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (values[j] < values[i] && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        prev[i] = j;
      }
    }
  }
  let best = -1;
  for (let i = 0; i < n; i++) if (best < 0 || length[i] > length[best]) best = i;
  const keep = new Set<number>();
  for (let i = best; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

/** `section/numbering`: siblings of one style numbered 1, 2, 3 … with no gap or repeat. */
export function checkNumbering(context: CheckContext): void {
  const groups: Section[][] = [context.doc.sections, ...context.doc.allSections.map((s) => s.children)];
  let lastArticle = 0;
  for (const siblings of groups) {
    const byStyle = new Map<string, Section[]>();
    for (const section of siblings) {
      if (section.heading.style === 'markdown' || section.heading.numberValue === null) continue;
      const list = byStyle.get(section.heading.style) ?? [];
      list.push(section);
      byStyle.set(section.heading.style, list);
    }
    for (const group of byStyle.values()) {
      // 第X条 run on across 第X章 (第一章 holds 第一条、第二条, 第二章 starts at 第三条): a group of
      // articles in a chapter may continue the previous chapter's numbering instead of restarting.
      const continuesArticles = group[0].heading.style === 'article' && group[0].parent?.heading.style === 'chapter' && lastArticle > 0 && group[0].heading.numberValue === lastArticle + 1;
      let expected = continuesArticles ? lastArticle + 1 : 1;
      let reported = 0;
      let skipped = 0;
      // One renumbering fix per group, shared by its findings (computed once, only when asked for).
      // Renumbering restarts at 1: not offered where the articles continue the previous chapter.
      const fixes = continuesArticles ? [] : onceFixes(() => [{ title: '按顺序重新编号本级标题', edits: renumberEdits(group), safe: true, preferred: true }]);
      for (const section of group) {
        const actual = section.heading.numberValue!;
        if (actual !== expected) {
          if (reported >= MAX_NUMBERING_FINDINGS_PER_GROUP) {
            skipped++;
          } else {
            context.report({
              rule: 'section/numbering',
              severity: 'warning',
              message: `编号不连续：此处应为第${expected}项，实为“${section.heading.marker}”。请按顺序重新编号。`,
              span: section.heading.markerSpan,
              fixes,
            });
            reported++;
          }
        }
        expected = actual + 1;
      }
      if (group[0].heading.style === 'article') lastArticle = group[group.length - 1].heading.numberValue ?? lastArticle;
      if (skipped > 0) {
        const last = group[group.length - 1];
        context.report({
          rule: 'section/numbering',
          severity: 'warning',
          message: `本级另有 ${skipped} 处编号不连续（未逐一标出）。请按顺序重新编号。`,
          span: last.heading.markerSpan,
          fixes,
        });
      }
    }
  }
}
