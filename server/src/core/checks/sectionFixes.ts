import type { CheckContext } from '../context';
import { childStyle, formatMarker } from '../fixes/numbering';
import type { HeadingStyle } from '../parse/headings';
import type { AgreementDocument, Section } from '../parse';
import type { SectionMatch } from '../sectionMatch';
import { atLineStart, closingStart, precededByBlankLine, sectionInsertEnd, withEol } from '../fixes/insertPoint';
import { sectionBody } from './elements';
import type { Fix, OffsetEdit } from '../types';

/** The style most top-level sections use (一、 by default). */
export function topLevelStyle(doc: AgreementDocument): { style: HeadingStyle; sample?: string } {
  const counts = new Map<HeadingStyle, number>();
  for (const section of doc.sections) counts.set(section.heading.style, (counts.get(section.heading.style) ?? 0) + 1);
  let best: HeadingStyle = 'cn-dun';
  let bestCount = 0;
  for (const [style, count] of counts) {
    if (count > bestCount) {
      best = style;
      bestCount = count;
    }
  }
  const sample = doc.sections.find((s) => s.heading.style === best)?.heading.marker;
  return { style: best, sample };
}

function rootOf(section: Section): Section {
  let s = section;
  while (s.parent) s = s.parent;
  return s;
}

export { withEol };

/**
 * Insert missing top-level sections at their canonical positions, numbered to fit,
 * and renumber the top-level headings of the same style so the numbering stays
 * continuous. A section goes after the last present section that comes before it in
 * the canonical order (before the closing formalities such as 一式几份 and the
 * signatures), else before the first present section that comes after it. Blank
 * lines between sections, the document's line breaks and a missing final line break
 * are kept. The body is the pack's skeleton: placeholders the officer must replace
 * (flagged by format/placeholder), so the fix is an editor action, never run unreviewed.
 */
export function insertSectionsFix(context: CheckContext, matches: SectionMatch[], missing: SectionMatch[], title: string): Fix {
  const { doc } = context;
  const eol = doc.eol;
  const { style, sample } = topLevelStyle(doc);
  const inserts = missing.map((m) => ({ match: m, offset: sectionInsertOffset(doc, matches, m) }));
  // Existing siblings of the style and the inserted sections, in the order they will stand.
  type Item = { at: number; rank: number; section?: Section; insert?: (typeof inserts)[number] };
  const items: Item[] = [
    ...doc.sections.filter((s) => s.heading.style === style).map((section) => ({ at: section.span.start, rank: 1, section })),
    ...inserts.map((insert) => ({ at: insert.offset, rank: 0, insert })),
  ];
  items.sort((a, b) => a.at - b.at || a.rank - b.rank || (a.insert && b.insert ? a.insert.match.order - b.insert.match.order : 0));
  const firstNumber = doc.sections.find((s) => s.heading.style === style)?.heading.numberValue;
  const base = firstNumber && firstNumber > 0 && firstNumber < 3 ? firstNumber : 1;
  const blocks = new Map<number, string>();
  const edits: OffsetEdit[] = [];
  items.forEach((item, i) => {
    const number = base + i;
    if (item.insert) {
      const heading = `${formatMarker(style, number, sample)}${headingGap(doc, style)}${item.insert.match.rule.name}`;
      const block = `${heading}${eol}${withEol(itemsInStyle(sectionBody(context.rules, item.insert.match.rule), childStyle(style)), eol)}`;
      blocks.set(item.insert.offset, (blocks.get(item.insert.offset) ?? '') + blockAt(doc, item.insert.offset, block));
    } else if (item.section && style !== 'markdown') {
      const marker = formatMarker(style, number, item.section.heading.marker);
      if (marker !== item.section.heading.marker) edits.push({ start: item.section.heading.markerSpan.start, end: item.section.heading.markerSpan.end, newText: marker });
    }
  });
  for (const [offset, newText] of blocks) edits.push({ start: offset, end: offset, newText });
  // In document order, an insert before the marker it precedes: LSP clients apply same-position edits in array order.
  edits.sort((a, b) => a.start - b.start || (a.end - a.start) - (b.end - b.start));
  return { title, edits, safe: false, preferred: missing.length === 1 };
}

/**
 * The skeleton's items (（一）（二）…) renumbered in the style one level below the
 * document's sections, so under 1． 2． they become （1）（2）, and stay inside their section.
 */
function itemsInStyle(body: string, style: HeadingStyle): string {
  if (style === 'cn-paren') return body;
  let n = 0;
  return body.replace(/^[（(][一二三四五六七八九十百]+[）)]/gm, () => formatMarker(style, ++n));
}

/** Insert one missing section (see insertSectionsFix). */
export function insertSectionFix(context: CheckContext, matches: SectionMatch[], missing: SectionMatch): Fix {
  return insertSectionsFix(context, matches, [missing], `插入“${missing.rule.name}”一节`);
}

/** A line start (or the end of the text) where a missing section belongs. */
function sectionInsertOffset(doc: AgreementDocument, matches: SectionMatch[], missing: SectionMatch): number {
  const before = [...matches].reverse().find((m) => m.order < missing.order && m.sections.length > 0);
  const after = matches.find((m) => m.order > missing.order && m.sections.length > 0);
  if (before) return sectionInsertEnd(doc, rootOf(before.sections[before.sections.length - 1]));
  if (after) return rootOf(after.sections[0]).span.start;
  return closingStart(doc) ?? doc.text.length;
}

/**
 * The text to insert for a block of whole lines at `offset`: line breaks around it
 * as the place needs, and a blank line after it when the sections around are
 * separated by blank lines.
 */
export function blockAt(doc: AgreementDocument, offset: number, block: string): string {
  return blockInText(doc.text, doc.eol, usesBlankLines(doc), offset, block);
}

/** `blockAt` over any text; `blankStyle` null means "look at the place". */
export function blockInText(text: string, eol: string, blankStyle: boolean | null, offset: number, block: string): string {
  const blank = blankStyle ?? (offset < text.length && precededByBlankLine(text, offset));
  if (offset < text.length) return `${block}${eol}${blank ? eol : ''}`;
  if (!atLineStart(text, offset)) return `${eol}${blank ? eol : ''}${block}`;
  return `${blank && !precededByBlankLine(text, offset) ? eol : ''}${block}${eol}`;
}

/** Whether top-level sections are separated by blank lines; null when there are too few to tell. */
export function usesBlankLines(doc: AgreementDocument): boolean | null {
  const later = doc.sections.slice(1);
  if (later.length === 0) return null;
  const blank = later.filter((s) => precededByBlankLine(doc.text, s.span.start)).length;
  return blank * 2 > later.length;
}

/** What separates a heading's number from its name, as the document writes it. */
function headingGap(doc: AgreementDocument, style: HeadingStyle): string {
  const sample = doc.allSections.find((s) => s.heading.style === style && s.name.length > 0);
  if (sample) return doc.text.slice(sample.heading.markerSpan.end, sample.heading.nameSpan.start).replace(/[^ \t\u3000]/g, '') || (style === 'markdown' ? ' ' : '');
  return style === 'markdown' || style === 'chapter' || style === 'article' ? ' ' : '';
}

const renumbered = new WeakMap<Section[], OffsetEdit[]>();

/**
 * Renumber a group of sibling headings of one style to 1, 2, 3 … Computed once per
 * group: every misnumbered heading of the group offers the same edits (read-only).
 */
export function renumberEdits(group: Section[]): OffsetEdit[] {
  const cached = renumbered.get(group);
  if (cached) return cached;
  const edits: OffsetEdit[] = [];
  renumbered.set(group, edits);
  group.forEach((section, i) => {
    const marker = formatMarker(section.heading.style, i + 1, section.heading.marker);
    if (marker !== section.heading.marker) {
      edits.push({ start: section.heading.markerSpan.start, end: section.heading.markerSpan.end, newText: marker });
    }
  });
  return edits;
}
