import type { CheckContext } from '../context';
import { applyEdits, minimalEdit } from '../fixes/edits';
import { precededByBlankLine, sectionInsertEnd, trimBlankEnd } from '../fixes/insertPoint';
import { formatMarker } from '../fixes/numbering';
import { parseDocument, type Section } from '../parse';
import type { Fix } from '../types';
import { blockInText, usesBlankLines } from './sectionFixes';

/**
 * Move a top-level section (heading and body, sub-sections included) to sit after
 * `previous` or before `next`, then renumber the top-level headings of its style.
 * The closing formalities (一式几份, signatures) stay last; blank lines between
 * sections and a missing final line break are kept. Returns one minimal edit;
 * null when the section is nested or the move is a no-op.
 */
export function moveSectionFix(context: CheckContext, section: Section, previous?: Section, next?: Section): Fix | null {
  const { doc } = context;
  const { text, eol } = doc;
  if (section.parent) return null;
  // Sections that share a line (a pasted one-line agreement) cannot move as whole lines.
  if ([section, previous, next].some((s) => s && sharesLine(doc, root(s)))) return null;
  let target: number;
  if (previous) target = sectionInsertEnd(doc, root(previous));
  else if (next) target = root(next).span.start;
  else return null;

  // The block: the section up to the closing formalities, without its trailing blank lines.
  let start = section.span.start;
  let end = sectionInsertEnd(doc, section);
  if (target >= start && target <= end) return null;
  const block = text.slice(start, trimBlankEnd(text, end, section.heading.lineSpan.end));
  // A block with no blank line after it takes the blank line before it along.
  if (!precededByBlankLine(text, end) && precededByBlankLine(text, start)) {
    while (start > 0 && /[\r\n \t\u3000]/.test(text[start - 1]) && precededByBlankLine(text, start)) start = lineStartBefore(text, start);
  }
  const rest = text.slice(0, start) + text.slice(end);
  const at = target > end ? target - (end - start) : target;
  let moved = rest.slice(0, at) + blockInText(rest, eol, usesBlankLines(doc), at, block) + rest.slice(at);
  if (!/[\r\n]$/.test(text)) moved = moved.replace(/(\r\n|\r|\n)$/, '');
  const renumbered = renumberTopLevel(moved, section.heading.style);
  const edit = minimalEdit(text, renumbered);
  if (!edit) return null;
  // Needs no facts: fix-all and --fix apply it (and check that it only moves lines).
  return { title: `将“${section.name}”移到规定位置`, edits: [edit], safe: true, preferred: true, kind: 'move' };
}

function sharesLine(doc: CheckContext['doc'], section: Section): boolean {
  return section.heading.inline || section.heading.unnumbered || section.heading.lineSpan.end < doc.lines.lineContentEnd(section.heading.line);
}

function root(section: Section): Section {
  let s = section;
  while (s.parent) s = s.parent;
  return s;
}

/** The start of the line before the line starting at `offset`. */
function lineStartBefore(text: string, offset: number): number {
  let i = offset - 1;
  if (text[i] === '\n' && text[i - 1] === '\r') i--;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return Math.max(0, i);
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
