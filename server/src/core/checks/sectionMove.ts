import type { CheckContext } from '../context';
import { applyEdits, minimalEdit } from '../fixes/edits';
import { formatMarker } from '../fixes/numbering';
import { parseDocument, type Section } from '../parse';
import type { Fix } from '../types';

/**
 * Move a top-level section (heading and body, sub-sections included) to sit after
 * `previous` or before `next`, then renumber the top-level headings of its style.
 * Returns one minimal edit; null when the section is nested or the move is a no-op.
 */
export function moveSectionFix(context: CheckContext, section: Section, previous?: Section, next?: Section): Fix | null {
  const { doc } = context;
  if (section.parent) return null;
  const root = (s: Section) => {
    while (s.parent) s = s.parent;
    return s;
  };
  let target: number;
  if (previous) target = root(previous).span.end;
  else if (next) target = root(next).span.start;
  else return null;
  const { start, end } = section.span;
  if (target >= start && target <= end) return null;
  let block = doc.text.slice(start, end);
  if (!/[\r\n]$/.test(block)) block += doc.eol;
  let moved = target > end
    ? doc.text.slice(0, start) + doc.text.slice(end, target) + block + doc.text.slice(target)
    : doc.text.slice(0, target) + block + doc.text.slice(target, start) + doc.text.slice(end);
  if (!/[\r\n]$/.test(doc.text) && /[\r\n]$/.test(moved)) moved = moved.replace(/(\r\n|\r|\n)$/, '');
  const renumbered = renumberTopLevel(moved, section.heading.style);
  const edit = minimalEdit(doc.text, renumbered);
  if (!edit) return null;
  return { title: `将“${section.name}”移到规定位置`, edits: [edit], safe: false, preferred: true };
}

function renumberTopLevel(text: string, style: Section['heading']['style']): string {
  if (style === 'markdown') return text;
  const doc = parseDocument(text);
  const group = doc.sections.filter((s) => s.heading.style === style);
  const edits = group
    .map((s, i) => ({ s, marker: formatMarker(style, i + 1, s.heading.marker) }))
    .filter(({ s, marker }) => marker !== s.heading.marker)
    .map(({ s, marker }) => ({ start: s.heading.markerSpan.start, end: s.heading.markerSpan.end, newText: marker }));
  return applyEdits(text, edits);
}
