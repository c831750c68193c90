import type { LineIndex } from './lineIndex';
import { matchHeading, type HeadingStyle } from './headings';
import { isBlankCode } from './lineJoin';
import type { Sentence } from './sentences';

/** The list items a lead-in introduces: （一）, 1. / 1、 / 1．, （1）. */
const ITEM_STYLES: ReadonlySet<HeadingStyle> = new Set<HeadingStyle>(['cn-paren', 'arabic', 'arabic-paren']);

/** How much of a line is read to recognise an item marker. */
const LOOK = 400;

function endsWithColon(sentence: Sentence): boolean {
  const t = sentence.text;
  let j = t.length - 1;
  while (j >= 0 && isBlankCode(t.charCodeAt(j))) j--;
  const c = t.charCodeAt(j);
  return c === 0xff1a || c === 58;
}

/** The item style a line starts with, if any. */
function itemStyle(text: string, start: number, end: number): HeadingStyle | null {
  const match = matchHeading(text.slice(start, Math.min(end, start + LOOK)));
  return match && ITEM_STYLES.has(match.style) ? match.style : null;
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlankCode(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Link every sentence of a list to the lead-in that ends in ： right before it
 * (“符合下列条件的，给予奖励：（一）……（二）……”). The list is the run of lines that start
 * with items of one style, with their continuation lines and deeper items; blank
 * lines between items are allowed; anything else ends it. A list nested in an item
 * takes the item's own lead-in.
 */
export function linkLeadIns(text: string, lines: LineIndex, sentences: Sentence[]): void {
  for (let k = 0; k < sentences.length; k++) {
    const lead = sentences[k];
    if (!endsWithColon(lead)) continue;
    const leadLine = lines.positionAt(lead.span.end).line;
    const leadLineStart = lines.lineStarts[lines.positionAt(lead.span.start).line];
    const ownStyle = itemStyle(text, leadLineStart, lines.lineContentEnd(lines.positionAt(lead.span.start).line));
    // The list starts on the next line that is not blank, or right after the colon on the same line.
    let line = leadLine + 1;
    while (line < lines.lineCount && isBlankLine(text, lines.lineStarts[line], lines.lineContentEnd(line))) line++;
    if (line >= lines.lineCount) continue;
    const style = itemStyle(text, lines.lineStarts[line], lines.lineContentEnd(line));
    if (!style || style === ownStyle) continue;
    const runStart = lines.lineStarts[line];
    let runEnd = lines.lineContentEnd(line);
    for (line++; line < lines.lineCount; line++) {
      const start = lines.lineStarts[line];
      const end = lines.lineContentEnd(line);
      if (isBlankLine(text, start, end)) {
        // A blank line continues the list only when the next item follows it.
        let next = line + 1;
        while (next < lines.lineCount && isBlankLine(text, lines.lineStarts[next], lines.lineContentEnd(next))) next++;
        if (next < lines.lineCount && itemStyle(text, lines.lineStarts[next], lines.lineContentEnd(next)) === style) {
          line = next - 1;
          continue;
        }
        break;
      }
      const head = matchHeading(text.slice(start, Math.min(end, start + LOOK)));
      if (head && head.style !== style && !(ITEM_STYLES.has(head.style) && isDeeper(head.style, style))) break;
      runEnd = end;
    }
    // Sentences starting inside the run, after the lead-in; a nested list's own lead-in overrides later.
    let i = k + 1;
    while (i < sentences.length && sentences[i].span.start < runStart) i++;
    for (; i < sentences.length && sentences[i].span.start < runEnd; i++) sentences[i].leadIn = lead;
  }
}

const DEPTH: Partial<Record<HeadingStyle, number>> = { 'cn-paren': 1, arabic: 2, 'arabic-paren': 3 };

function isDeeper(style: HeadingStyle, than: HeadingStyle): boolean {
  return (DEPTH[style] ?? 0) > (DEPTH[than] ?? 0);
}
