import type { Span } from '../types';
import { scanComments, type Comment, type Directive } from './directives';
import { parseFrontMatter, type FrontMatter } from './frontMatter';
import type { HeadingMatch } from './headings';
import { linkLeadIns } from './leadIn';
import type { LineIndex } from './lineIndex';
import { headingScanFor, lineIndexFor } from './reparse';
import type { Sentence } from './sentences';
import { isSentenceCut, keepLayout, newLayout, pieceSentences, reusedSentences } from './sentenceChunks';

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
  // A long text parsed again after an edit takes over the last parse's line starts and heading scan where it can (reparse.ts).
  const { lines, change } = lineIndexFor(text);
  const lineEnd = (line: number) => lines.lineContentEnd(line);
  const frontMatter = parseFrontMatter(text, lines.lineStarts, lineEnd);
  const bodyStart = frontMatter.bodyStart;
  const firstBodyLine = lines.positionAt(bodyStart).line;
  const { comments, directives } = scanComments(text, bodyStart, (offset) => lines.positionAt(offset).line);
  const { headings, plainHeadings, title } = headingScanFor(text, lines, change, bodyStart, firstBodyLine, comments);

  const { sections, allSections } = buildTree(headings, text.length, lines);
  const pieces: Piece[] = [];
  const { sentences, reused } = splitAtHeadings(text, bodyStart, headings, comments.map((c) => c.span), lines, pieces);
  linkLeadIns(text, lines, sentences, reused);
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

/**
 * Sentences of the body; a heading inside a line ends the sentence before it. The body is split
 * piece by piece, cut at every heading (see `pieceSentences`: a heading line of its own ends the
 * sentence before it anyway), so a long document re-parsed after an edit splits only the edited piece.
 * `reused`: how many sentences at the start are the last parse's objects, lead-ins set (see `reusedSentences`).
 */
function splitAtHeadings(text: string, bodyStart: number, headings: Heading[], skip: Span[], lines: LineIndex, pieces: Piece[]): { sentences: Sentence[]; reused: number } {
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
  keepLayout(layout, out);
  return { sentences: out, reused: reusedSentences(layout) };
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
