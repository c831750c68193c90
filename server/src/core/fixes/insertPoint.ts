import type { AgreementDocument, Section } from '../parse';

/**
 * Closing formalities at the end of an agreement: 一式几份, the effective-date
 * sentence, 以下无正文, the signature and seal block. Inserted sections and
 * elements go before them, not after.
 */
const CLOSING_LINE =
  /^[ \t\u3000]*(本(协议|议定书|合同|备忘录|意向书|方案)书?(一式|正本|副本|自.{0,30}(生效|起施行))|[（(](以下|此页)无正文|(甲|乙|丙|丁)方[（(](盖章|签章|公章|签字)|(甲|乙|丙|丁)方(代表|法定代表人|授权代表)[（(]?签(字|章)|签字盖章|签署[:：])/;

const closingStarts = new WeakMap<AgreementDocument, number | null>();

/** Offset of the first line of the closing formalities, or null. Only the body of the last top-level section is searched. */
export function closingStart(doc: AgreementDocument): number | null {
  // Once per (immutable) document: every inserting fix asks, and a long last section is many lines.
  let found = closingStarts.get(doc);
  if (found === undefined) {
    found = findClosingStart(doc);
    closingStarts.set(doc, found);
  }
  return found;
}

function findClosingStart(doc: AgreementDocument): number | null {
  const last = doc.sections[doc.sections.length - 1];
  const from = last ? doc.lines.positionAt(last.bodySpan.start).line : doc.lines.positionAt(doc.frontMatter.bodyStart).line;
  for (let line = from; line < doc.lines.lineCount; line++) {
    const start = doc.lines.lineStarts[line];
    if (last && start < last.bodySpan.start) continue;
    if (CLOSING_LINE.test(doc.text.slice(start, doc.lines.lineContentEnd(line)))) return start;
  }
  return null;
}

/** Where a section's own text ends for inserts: its span end, cut before the closing formalities. */
export function sectionInsertEnd(doc: AgreementDocument, section: Section): number {
  const closing = closingStart(doc);
  if (closing !== null && closing > section.heading.lineSpan.end && closing < section.span.end) return closing;
  return section.span.end;
}

/** The end of the last non-blank character before `end`, but not before `floor`. */
export function trimBlankEnd(text: string, end: number, floor: number): number {
  while (end > floor && /[\r\n \t\u3000]/.test(text[end - 1])) end--;
  return end;
}

/** True when the text right before `offset` is a blank line (sections separated by empty lines). */
export function precededByBlankLine(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 16), offset);
  const lineBreak = /\r\n$|\r$|\n$/.exec(before);
  if (!lineBreak) return false;
  return /[\r\n][ \t\u3000]*$/.test(before.slice(0, before.length - lineBreak[0].length));
}

/** True when the text before `offset` is empty or ends with a line break. */
export function atLineStart(text: string, offset: number): boolean {
  return offset === 0 || /[\r\n]/.test(text[offset - 1]) || (offset === 1 && text.charCodeAt(0) === 0xfeff);
}

/** Convert `\n` in pack text to the document's line break. */
export function withEol(text: string, eol: string): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}
