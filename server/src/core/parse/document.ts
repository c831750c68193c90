import type { Span } from '../types';
import { scanComments, type Comment, type Directive } from './directives';
import { parseFrontMatter, type FrontMatter } from './frontMatter';
import { matchHeading, type HeadingMatch } from './headings';
import { findInlineHeadings, LONG_LINE, type NumberingState } from './inlineHeadings';
import { isBlankCode } from './lineJoin';
import { matchPlainHeading } from './plainHeadings';
import { linkLeadIns } from './leadIn';
import { LineIndex } from './lineIndex';
import type { Sentence } from './sentences';
import { isSentenceCut, keepLayout, newLayout, pieceSentences } from './sentenceChunks';

export interface Heading extends Omit<HeadingMatch, 'markerStart' | 'markerEnd' | 'nameStart' | 'nameEnd'> {
  line: number;
  /** A heading that starts inside its line (`……。第二条 合作内容 ……` in a pasted line). */
  inline: boolean;
  /** An unnumbered heading line (合作目标 alone on its line); never part of `headings`. */
  unnumbered: boolean;
  /**
   * The heading's line without its line break; when the line holds several headings
   * (a pasted line), the part of the line from this heading's marker to the next one.
   */
  lineSpan: Span;
  markerSpan: Span;
  nameSpan: Span;
}

export interface Section {
  heading: Heading;
  name: string;
  /** 1 for top-level sections, 2 for their children, … */
  depth: number;
  parent: Section | null;
  children: Section[];
  /** From the heading line's start to the start of the next heading that does not nest in it. */
  span: Span;
  /**
   * From the line after the heading to the end of the section; for a heading that
   * shares its line with another one, from the end of its name.
   */
  bodySpan: Span;
  /** Sentences of this section's own body and its heading line (not of its children). */
  sentences: Sentence[];
  /** Position among all sections in document order. */
  index: number;
}

export interface Title {
  text: string;
  span: Span;
}

/**
 * The body cut at its heading lines (see `parse/sentenceChunks.ts`): every heading that starts
 * a piece, a heading inside a line included. Pieces cover the body without gaps; no sentence
 * crosses from one to the next. In a long document a piece's `text` is the same string in every
 * version where the piece is unchanged, so per-piece results can be kept by it.
 */
export interface Piece {
  start: number;
  end: number;
  text: string;
  /**
   * In a long document, a number that names `text`: pieces with the same id have the same text
   * (a key of a few digits for a run of pieces); 0 when the piece is not remembered.
   */
  id: number;
  /** Comments or the like inside: results read from the text alone do not hold. */
  hasComments: boolean;
}

export interface AgreementDocument {
  text: string;
  lines: LineIndex;
  hasBom: boolean;
  /** The line break used for inserts. */
  eol: string;
  frontMatter: FrontMatter;
  /** The first Markdown `#` heading, else none (the front matter 标题 is separate). */
  title: Title | null;
  headings: Heading[];
  /**
   * Short lines standing alone that may be unnumbered headings (合作目标). They are not
   * sections; `matchSections` counts one as a section when it names one of the category.
   */
  plainHeadings: Heading[];
  /** Top-level sections. */
  sections: Section[];
  /** Every section in document order. */
  allSections: Section[];
  /** Every body sentence in document order, outside comments. */
  sentences: Sentence[];
  /** Sentences before the first section (preamble). */
  preamble: Sentence[];
  /** The body from `frontMatter.bodyStart` to the end, in pieces from one heading line to the next. */
  pieces: Piece[];
  comments: Comment[];
  directives: Directive[];
}

/** Parse agreement text into one immutable Document. Never throws on any string. */
export function parseDocument(text: string): AgreementDocument {
  const lines = new LineIndex(text);
  const lineEnd = (line: number) => lines.lineContentEnd(line);
  const frontMatter = parseFrontMatter(text, lines.lineStarts, lineEnd);
  const bodyStart = frontMatter.bodyStart;
  const firstBodyLine = lines.positionAt(bodyStart).line;
  const { comments, directives } = scanComments(text, bodyStart, (offset) => lines.positionAt(offset).line);

  const headings: Heading[] = [];
  const plainHeadings: Heading[] = [];
  /** Did the previous line end a block (blank, a heading, a finished sentence)? */
  let afterBlock = true;
  let title: Title | null = null;
  let fenced = false;
  let commentIndex = 0;
  const numbering: NumberingState = new Map();
  for (let line = Math.min(firstBodyLine, lines.lineCount); line < lines.lineCount; line++) {
    const start = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lines.lineStarts[line];
    const end = lineEnd(line);
    // A long line is read through a window: a heading shows in its first characters.
    const content = text.slice(start, Math.min(end, start + LONG_LINE));
    if (/^[ \t]{0,3}(```|~~~)/.test(content)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    while (commentIndex < comments.length && comments[commentIndex].span.end <= start) commentIndex++;
    if (commentIndex < comments.length && comments[commentIndex].span.start <= start) continue;
    const match = matchHeading(content);
    const standsAlone = afterBlock;
    afterBlock = match !== null || endsBlock(content);
    if (!match && standsAlone) {
      const plain = matchPlainHeading(content);
      if (plain) {
        const nameSpan = { start: start + plain.nameStart, end: start + plain.nameEnd };
        plainHeadings.push({
          style: 'markdown', rank: 0, marker: '', number: '', numberValue: null, name: plain.name,
          line, inline: false, unnumbered: true, lineSpan: { start, end }, markerSpan: { start: nameSpan.start, end: nameSpan.start }, nameSpan,
        });
        // The next line stands alone only after a blank line: two short lines in a row may be prose.
        afterBlock = false;
      }
    }
    const lineHeadings: Array<{ at: number; match: HeadingMatch; inline: boolean }> = [];
    if (match) {
      if (match.style === 'markdown' && match.marker.length === 1 && title === null && headings.length === 0) {
        title = { text: match.name, span: { start: start + match.nameStart, end: start + match.nameEnd } };
        continue;
      }
      if (match.numberValue !== null) numbering.set(match.style, match.numberValue);
      lineHeadings.push({ at: start, match, inline: false });
    }
    // In a line of normal length only 第X条/章 can start a heading inside it: skip lines without 第.
    const mayHoldInline = end - start > LONG_LINE || content.indexOf('第', match ? match.markerEnd : 0) >= 0;
    if (mayHoldInline && (!match || match.style !== 'markdown')) {
      const from = match ? start + match.markerEnd : start;
      for (const found of findInlineHeadings(text, start, end, from, numbering)) {
        // A marker inside a comment (<!-- 第二条 … -->) is no heading.
        let c = commentIndex;
        while (c < comments.length && comments[c].span.end <= found.start) c++;
        if (c < comments.length && comments[c].span.start <= found.start) continue;
        lineHeadings.push({ at: found.start, match: found.match, inline: true });
      }
    }
    for (let k = 0; k < lineHeadings.length; k++) {
      const { at, match: m, inline } = lineHeadings[k];
      // A heading's part of the line ends where the next heading on the line starts.
      let segmentEnd = k + 1 < lineHeadings.length ? lineHeadings[k + 1].at : end;
      while (segmentEnd > at && isBlankCode(text.charCodeAt(segmentEnd - 1))) segmentEnd--;
      const nameStart = Math.min(at + m.nameStart, segmentEnd);
      const nameEnd = Math.min(at + m.nameEnd, segmentEnd);
      headings.push({
        style: m.style,
        rank: m.rank,
        marker: m.marker,
        number: m.number,
        numberValue: m.numberValue,
        name: text.slice(nameStart, nameEnd),
        line,
        inline,
        unnumbered: false,
        lineSpan: { start: inline ? at : start, end: k + 1 < lineHeadings.length ? segmentEnd : end },
        markerSpan: { start: at + m.markerStart, end: at + m.markerEnd },
        nameSpan: { start: nameStart, end: nameEnd },
      });
    }
  }

  const { sections, allSections } = buildTree(headings, text.length, lines);
  const pieces: Piece[] = [];
  const sentences = splitAtHeadings(text, bodyStart, headings, comments.map((c) => c.span), lines, pieces);
  linkLeadIns(text, lines, sentences);
  const preamble: Sentence[] = [];
  let cursor = 0;
  for (const sentence of sentences) {
    while (cursor + 1 < allSections.length && allSections[cursor + 1].span.start <= sentence.span.start) cursor++;
    const owner = allSections[cursor];
    if (owner && owner.span.start <= sentence.span.start) {
      let section: Section | null = owner;
      while (section && sentence.span.start >= section.span.end) section = section.parent;
      if (section) section.sentences.push(sentence);
      else preamble.push(sentence);
    } else {
      preamble.push(sentence);
    }
  }

  return {
    text,
    lines,
    hasBom: text.charCodeAt(0) === 0xfeff,
    eol: lines.dominantEol(),
    frontMatter,
    title,
    headings,
    plainHeadings,
    sections,
    allSections,
    sentences,
    preamble,
    pieces,
    comments,
    directives,
  };
}

/** A blank line, or one ending in sentence punctuation (a closing quote or bracket after it included). */
function endsBlock(content: string): boolean {
  let j = content.length - 1;
  while (j >= 0 && isBlankCode(content.charCodeAt(j))) j--;
  if (j < 0) return true;
  let c = content.charCodeAt(j);
  while (j > 0 && (c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 41)) c = content.charCodeAt(--j);
  return c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 59 || c === 33 || c === 63;
}

/**
 * Sentences of the body; a heading inside a line ends the sentence before it. The body is split
 * piece by piece, cut at every heading (see `pieceSentences`: a heading line of its own ends the
 * sentence before it anyway), so a long document re-parsed after an edit splits only the edited piece.
 */
function splitAtHeadings(text: string, bodyStart: number, headings: Heading[], skip: Span[], lines: LineIndex, pieces: Piece[]): Sentence[] {
  const out: Sentence[] = [];
  const layout = newLayout();
  let from = bodyStart;
  let skipFrom = 0;
  const cut = (to: number) => {
    while (skipFrom < skip.length && skip[skipFrom].end <= from) skipFrom++;
    let skipTo = skipFrom;
    while (skipTo < skip.length && skip[skipTo].start < to) skipTo++;
    const inside = skip.slice(skipFrom, skipTo);
    const piece = pieceSentences(text, from, to, inside, out, layout);
    pieces.push({ start: from, end: to, text: piece.text, id: piece.id, hasComments: inside.length > 0 });
    from = to;
  };
  for (const heading of headings) {
    if (heading.lineSpan.start <= from) continue;
    if (heading.inline || isSentenceCut(heading.lineSpan.start, lines.lineContentEnd(heading.line))) cut(heading.lineSpan.start);
  }
  cut(text.length);
  keepLayout(layout);
  return out;
}

function buildTree(headings: Heading[], textLength: number, lines: LineIndex): { sections: Section[]; allSections: Section[] } {
  const roots: Section[] = [];
  const all: Section[] = [];
  const stack: Section[] = [];
  for (const heading of headings) {
    while (stack.length > 0 && stack[stack.length - 1].heading.rank >= heading.rank) {
      close(stack.pop()!, heading.lineSpan.start);
    }
    const parent = stack.length > 0 ? stack[stack.length - 1] : null;
    const nextLine = heading.line + 1 < lines.lineCount ? lines.lineStarts[heading.line + 1] : textLength;
    const sharesLine = heading.inline || heading.lineSpan.end < lines.lineContentEnd(heading.line);
    const section: Section = {
      heading,
      name: heading.name,
      depth: stack.length + 1,
      parent,
      children: [],
      span: { start: heading.lineSpan.start, end: textLength },
      bodySpan: { start: sharesLine ? heading.nameSpan.end : nextLine, end: textLength },
      sentences: [],
      index: all.length,
    };
    (parent ? parent.children : roots).push(section);
    all.push(section);
    stack.push(section);
  }
  while (stack.length > 0) close(stack.pop()!, textLength);
  return { sections: roots, allSections: all };
}

function close(section: Section, end: number): void {
  section.span.end = end;
  section.bodySpan.end = Math.max(section.bodySpan.start, end);
}
