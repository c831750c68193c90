/**
 * Completion at the start of a body line: the sections the category still lacks
 * (heading numbered to fit where the cursor is, plus the section's skeleton, and the
 * later headings renumbered), and inside a section the elements it still lacks
 * (`（三）资金保障。……`, `资金来源：……`). A typed number (`三、`, `（`) narrows the list.
 */
import { escape } from '../authoring/snippets';
import { sectionMarkdown, citationMarkdown, escapeMarkdown } from '../authoring/explain';
import { sectionBody } from '../authoring/skeleton';
import { elementLine, isPresent } from '../checks/elements';
import { topLevelStyle } from '../checks/sectionFixes';
import { citationLabel } from '../citation';
import { childStyle, formatMarker } from '../fixes/numbering';
import type { RuleSet } from '../pack/ruleSet';
import type { CategoryRule, ElementRule } from '../pack/types';
import { parseChineseNumber, type AgreementDocument, type Section } from '../parse';
import type { HeadingStyle } from '../parse/headings';
import { matchSections, type SectionMatch } from '../sectionMatch';
import type { OffsetEdit } from '../types';
import { currentCategory } from './frontMatterCompletion';
import type { CompletionCandidate } from './types';
import { fits, typedMarker, type TypedMarker } from './typedMarker';

interface LineContext {
  doc: AgreementDocument;
  rules: RuleSet;
  category: CategoryRule;
  line: number;
  /** Where the typed text starts (after indentation) and the cursor. */
  start: number;
  offset: number;
  typed: string;
  marker: TypedMarker;
  matches: SectionMatch[];
}

export function bodyCompletions(doc: AgreementDocument, rules: RuleSet, offset: number): CompletionCandidate[] {
  const category = currentCategory(doc, rules);
  if (!category) return [];
  if (doc.comments.some((c) => c.span.start < offset && offset <= c.span.end)) return [];
  const line = doc.lines.positionAt(offset).line;
  const lineStart = doc.lines.lineStarts[line] + (line === 0 && doc.hasBom ? 1 : 0);
  const before = doc.text.slice(lineStart, offset);
  if (doc.text.slice(offset, doc.lines.lineContentEnd(line)).trim().length > 0) return [];
  const indent = /^[ \t\u3000]*/.exec(before)![0];
  const typed = before.slice(indent.length);
  // A sentence being written is not a heading or an element.
  if (typed.length > 20 || /[。；！？，,：:]/.test(typed)) return [];
  const context: LineContext = {
    doc,
    rules,
    category,
    line,
    start: lineStart + indent.length,
    offset,
    typed,
    marker: typedMarker(typed, parseChineseNumber),
    matches: matchSections(doc, category).map((m) => ({ ...m, sections: m.sections.filter((s) => s.heading.line !== line) })),
  };
  return [...elementCandidates(context), ...headingCandidates(context)];
}

function headingCandidates(c: LineContext): CompletionCandidate[] {
  const { doc, marker } = c;
  const top = topLevelStyle(doc);
  if (!fits(marker, top.style)) return [];
  const nameOnly = marker.complete;
  const earlier = doc.sections.filter((s) => s.heading.style === top.style && s.heading.line < c.line);
  const number = nameOnly && marker.value !== null ? marker.value : (earlier[earlier.length - 1]?.heading.numberValue ?? earlier.length) + 1;
  const headingMarker = formatMarker(top.style, number, top.sample);
  const gap = top.style === 'markdown' || top.style === 'chapter' || top.style === 'article' ? ' ' : '';
  const renumber = renumberLater(doc, top.style, c.line, number);
  // The canonical order: sections that belong after the one before the cursor come first.
  const before = c.matches.filter((m) => m.sections.some((s) => s.heading.line < c.line));
  const previousOrder = before.length > 0 ? Math.max(...before.map((m) => m.order)) : -1;
  const missing = c.matches
    .filter((m) => m.sections.length === 0)
    .sort((a, b) => rank(a, previousOrder) - rank(b, previousOrder));
  return missing.map((match, i) => {
    const rule = match.rule;
    const citation = c.rules.resolve(rule.citation);
    const body = `\${1:${escape(sectionBody(c.rules, rule))}}`;
    const heading = nameOnly ? escape(rule.name) : `${escape(headingMarker)}${gap}${escape(rule.name)}`;
    const label = nameOnly ? rule.name : `${headingMarker}${gap}${rule.name}`;
    return {
      label,
      kind: 'section' as const,
      detail: `${rule.required === false ? '选写部分' : '必备部分'}${citation ? ` · ${citationLabel(citation)}` : ''}${renumber.length > 0 ? ' · 后续标题顺延编号' : ''}`,
      documentation: sectionMarkdown(c.rules, c.category, rule),
      insert: { start: c.start + (nameOnly ? marker.length : 0), end: c.offset },
      replaceEnd: c.offset,
      insertText: `${heading}\n${body}`,
      snippet: true,
      filterText: nameOnly || (c.typed.length > 0 && marker.style === null) ? rule.name : label,
      sortText: `1-${String(i).padStart(3, '0')}`,
      preselect: i === 0 || undefined,
      additionalEdits: renumber.length > 0 ? renumber : undefined,
    };
  });
}

function rank(match: SectionMatch, previousOrder: number): number {
  const optional = match.rule.required === false ? 1000 : 0;
  return optional + (match.order > previousOrder ? match.order : 100 + match.order);
}

/** Renumber the headings of a style after a line, starting from `number + 1`. */
function renumberLater(doc: AgreementDocument, style: HeadingStyle, line: number, number: number): OffsetEdit[] {
  if (style === 'markdown') return [];
  return doc.sections
    .filter((s) => s.heading.style === style && s.heading.line > line)
    .map((s, i) => ({ s, marker: formatMarker(style, number + 1 + i, s.heading.marker) }))
    .filter(({ s, marker }) => marker !== s.heading.marker)
    .map(({ s, marker }) => ({ start: s.heading.markerSpan.start, end: s.heading.markerSpan.end, newText: marker }));
}

function elementCandidates(c: LineContext): CompletionCandidate[] {
  const unit = enclosingUnit(c);
  if (!unit) return [];
  const { section, elements } = unit;
  const text = c.doc.text.slice(section.heading.nameSpan.start, section.span.end);
  const missing = elements.filter((e) => !isPresent({ rules: c.rules }, e, text));
  const itemStyle = section.children[0]?.heading.style ?? childStyle(section.heading.style);
  const items = section.children.filter((s) => s.heading.style === itemStyle && s.heading.line < c.line);
  const number = (items[items.length - 1]?.heading.numberValue ?? items.length) + 1;
  const out: CompletionCandidate[] = [];
  for (const element of missing) {
    const asItem = (element.insertAs ?? 'item') === 'item';
    if (asItem ? !fits(c.marker, itemStyle) : c.marker.style !== null) continue;
    const nameOnly = asItem && c.marker.complete;
    const marker = asItem && !nameOnly ? formatMarker(itemStyle, number, items[0]?.heading.marker) : '';
    const line = elementLine({ rules: c.rules }, element, '\n', '');
    const citation = c.rules.resolve(element.citation);
    out.push({
      label: `${marker}${element.name}`,
      kind: 'element',
      detail: `“${section.name}”须写明${citation ? ` · ${citationLabel(citation)}` : ''}`,
      documentation: elementMarkdown(c, section, element),
      insert: { start: c.start + (nameOnly ? c.marker.length : 0), end: c.offset },
      replaceEnd: c.offset,
      insertText: `${escape(marker)}${withTabStop(line)}`,
      snippet: true,
      filterText: marker && (c.typed.length === 0 || c.marker.style !== null) ? `${marker}${element.name}` : element.name,
      sortText: `0-${String(out.length).padStart(3, '0')}`,
      preselect: out.length === 0 || undefined,
    });
  }
  return out;
}

/** The section (or, for per-item elements, the item) the cursor is in, with the elements it must name. */
function enclosingUnit(c: LineContext): { section: Section; elements: ElementRule[] } | null {
  const lineStart = c.doc.lines.lineStarts[c.line];
  const chain: Section[] = [];
  for (const s of c.doc.allSections) if (s.heading.line !== c.line && s.span.start <= lineStart && lineStart < Math.max(s.span.end, s.span.start + 1)) chain.push(s);
  const atEnd = c.offset === c.doc.text.length;
  if (atEnd) for (const s of c.doc.allSections) if (s.heading.line !== c.line && s.span.end === c.doc.text.length && !chain.includes(s)) chain.push(s);
  for (let i = chain.length - 1; i >= 0; i--) {
    const match = c.matches.find((m) => m.sections.includes(chain[i]));
    if (!match?.rule.elements?.length) continue;
    if (!match.rule.elementsPerItem || chain[i].children.length === 0) return { section: chain[i], elements: match.rule.elements };
    const item = chain[i + 1];
    return item ? { section: item, elements: match.rule.elements } : null;
  }
  return null;
}

function elementMarkdown(c: LineContext, section: Section, element: ElementRule): string {
  const lines = [`**${escapeMarkdown(element.name)}**（“${escapeMarkdown(section.name)}”须写明的要素）`, '', `插入：${escapeMarkdown(element.skeleton.trim())}`];
  if (element.synonyms?.length) lines.push('', `写作以下说法也可：${element.synonyms.map(escapeMarkdown).join('、')}`);
  const citation = c.rules.resolve(element.citation);
  if (citation) lines.push('', citationMarkdown(citation));
  return lines.join('\n');
}

/** Escape a line for a snippet and make its first …… (or ××××) a tab stop. */
function withTabStop(line: string): string {
  const escaped = escape(line);
  const at = escaped.search(/……|×{2,}/);
  if (at < 0) return `${escaped}$0`;
  const hole = /……|×+(年×+月)?/.exec(escaped.slice(at))![0];
  return `${escaped.slice(0, at)}\${1:${hole}}${escaped.slice(at + hole.length)}`;
}
