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

/** A colon right before an item marker on the same line: `奖励：（一）……`, `如下：1. ……`. */
const COLON_BEFORE_ITEM = /[：:](?=[ \t\u3000]*(?:[（(](?:[一二三四五六七八九十]{1,3}|\d{1,3})[）)]|\d{1,3}[.．、](?!\d)))/g;

/**
 * Split a sentence at a colon that opens a list on the same line, so the lead-in is a
 * sentence of its own: `甲方给予奖励：（一）……；` → `甲方给予奖励：` + `（一）……；`.
 */
export function splitInlineLeadIns(text: string, sentences: Sentence[]): Sentence[] {
  let out: Sentence[] | null = null;
  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k];
    if (!hasColonBeforeItem(sentence.text)) {
      out?.push(sentence);
      continue;
    }
    out ??= sentences.slice(0, k);
    let from = 0;
    COLON_BEFORE_ITEM.lastIndex = 0;
    for (let m = COLON_BEFORE_ITEM.exec(sentence.text); m !== null; m = COLON_BEFORE_ITEM.exec(sentence.text)) {
      const cut = m.index + 1;
      let next = cut;
      while (next < sentence.text.length && isBlankCode(sentence.text.charCodeAt(next))) next++;
      if (cut > from && next < sentence.text.length) {
        out.push(piece(text, sentence.span.start + from, sentence.span.start + cut));
        from = next;
      }
    }
    out.push(from === 0 ? sentence : piece(text, sentence.span.start + from, sentence.span.end));
  }
  return out ?? sentences;
}

/** A cheap pre-check before the pattern: some colon is followed (after blanks) by a bracket or a digit. */
function hasColonBeforeItem(sentence: string): boolean {
  return colonBeforeItemAt(sentence, '：') || colonBeforeItemAt(sentence, ':');
}

function colonBeforeItemAt(sentence: string, colon: string): boolean {
  // indexOf is native: most sentences have no colon, and most colons open no list.
  for (let i = sentence.indexOf(colon); i >= 0; i = sentence.indexOf(colon, i + 1)) {
    let j = i + 1;
    while (j < sentence.length && isBlankCode(sentence.charCodeAt(j))) j++;
    const d = sentence.charCodeAt(j);
    if (d === 0xff08 || d === 40 || (d >= 48 && d <= 57)) {
      COLON_BEFORE_ITEM.lastIndex = 0;
      return COLON_BEFORE_ITEM.test(sentence);
    }
  }
  return false;
}

function piece(text: string, start: number, end: number): Sentence {
  return { text: text.slice(start, end), span: { start, end } };
}

/**
 * Link every sentence of a list to the lead-in that ends in ： right before it
 * (“符合下列条件的，给予奖励：（一）……（二）……”). The list is the run of lines that start
 * with items of one style, with their continuation lines and deeper items; blank
 * lines between items are allowed; anything else ends it. A list nested in an item
 * takes the item's own lead-in.
 * The first `kept` sentences are an earlier parse's objects over the same lines, lead-ins already
 * set (see `reusedSentences` in sentenceChunks.ts): they are not written to; a list that runs on
 * past them is linked from its lead-in as always.
 */
export function linkLeadIns(text: string, lines: LineIndex, sentences: Sentence[], kept = 0): void {
  for (let k = 0; k < sentences.length; k++) {
    const lead = sentences[k];
    if (!endsWithColon(lead)) continue;
    const leadLine = lines.positionAt(lead.span.end).line;
    const leadLineStart = lines.lineStarts[lines.positionAt(lead.span.start).line];
    const ownStyle = itemStyle(text, leadLineStart, lines.lineContentEnd(lines.positionAt(lead.span.start).line));
    if (k + 1 < sentences.length && linkInlineItems(text, lines, sentences, k, kept)) continue;
    // The list starts on the next line that is not blank.
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
    let i = Math.max(k + 1, kept);
    while (i < sentences.length && sentences[i].span.start < runStart) i++;
    for (; i < sentences.length && sentences[i].span.start < runEnd; i++) sentences[i].leadIn = lead;
  }
}

/**
 * `给予以下支持：（一）返还……；（二）补贴……。` on one line: the items that follow the
 * lead-in on its line, up to the sentence that ends the list with 。 or the line's end.
 */
function linkInlineItems(text: string, lines: LineIndex, sentences: Sentence[], k: number, kept: number): boolean {
  const lead = sentences[k];
  const line = lines.positionAt(lead.span.end).line;
  const first = sentences[k + 1];
  if (lines.positionAt(first.span.start).line !== line) return false;
  const style = itemStyle(first.text, 0, first.text.length);
  if (!style) return false;
  for (let i = k + 1; i < sentences.length && lines.positionAt(sentences[i].span.start).line === line; i++) {
    if (i >= kept) sentences[i].leadIn = lead;
    const t = sentences[i].text;
    const c = t.charCodeAt(t.length - 1);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63) break;
  }
  return true;
}

const DEPTH: Partial<Record<HeadingStyle, number>> = { 'cn-paren': 1, arabic: 2, 'arabic-paren': 3 };

function isDeeper(style: HeadingStyle, than: HeadingStyle): boolean {
  return (DEPTH[style] ?? 0) > (DEPTH[than] ?? 0);
}
