import type { CheckContext } from '../context';
import { formatMarker } from '../fixes/numbering';
import type { HeadingStyle } from '../parse/headings';
import type { AgreementDocument, Section } from '../parse';
import type { SectionMatch } from '../sectionMatch';
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

/** Convert `\n` in pack text to the document's line break. */
export function withEol(text: string, eol: string): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}

/**
 * Insert a missing top-level section at its canonical position, numbered to fit,
 * and renumber the later top-level headings of the same style.
 */
export function insertSectionFix(context: CheckContext, matches: SectionMatch[], missing: SectionMatch): Fix {
  const { doc } = context;
  const eol = doc.eol;
  const { style, sample } = topLevelStyle(doc);
  const before = [...matches].reverse().find((m) => m.order < missing.order && m.sections.length > 0);
  const after = matches.find((m) => m.order > missing.order && m.sections.length > 0);
  let offset: number;
  if (before) offset = rootOf(before.sections[before.sections.length - 1]).span.end;
  else if (after) offset = rootOf(after.sections[0]).span.start;
  else offset = doc.text.length;

  const siblingsBefore = doc.sections.filter((s) => s.heading.style === style && s.span.start < offset);
  const siblingsAfter = doc.sections.filter((s) => s.heading.style === style && s.span.start >= offset);
  const number = siblingsBefore.length + 1;
  const heading = `${formatMarker(style, number, sample)}${style === 'markdown' ? ' ' : ''}${missing.rule.name}`;
  const body = withEol(missing.rule.skeleton.trim(), eol);
  const needsLeadingBreak = offset > 0 && !/[\r\n]$/.test(doc.text.slice(Math.max(0, offset - 2), offset));
  const trailing = offset < doc.text.length ? eol : '';
  const edits: OffsetEdit[] = [
    { start: offset, end: offset, newText: `${needsLeadingBreak ? eol : ''}${heading}${eol}${body}${trailing || (offset === doc.text.length ? eol : '')}` },
  ];
  siblingsAfter.forEach((section, i) => {
    const marker = formatMarker(style, number + 1 + i, section.heading.marker);
    if (marker !== section.heading.marker && style !== 'markdown') {
      edits.push({ start: section.heading.markerSpan.start, end: section.heading.markerSpan.end, newText: marker });
    }
  });
  return { title: `插入“${missing.rule.name}”一节`, edits, safe: true, preferred: true };
}

/** Renumber a group of sibling headings of one style to 1, 2, 3 … */
export function renumberEdits(group: Section[]): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  group.forEach((section, i) => {
    const marker = formatMarker(section.heading.style, i + 1, section.heading.marker);
    if (marker !== section.heading.marker) {
      edits.push({ start: section.heading.markerSpan.start, end: section.heading.markerSpan.end, newText: marker });
    }
  });
  return edits;
}
