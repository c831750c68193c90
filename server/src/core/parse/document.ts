import type { Span } from '../types';
import { scanComments, type Comment, type Directive } from './directives';
import { parseFrontMatter, type FrontMatter } from './frontMatter';
import { matchHeading, type HeadingMatch } from './headings';
import { linkLeadIns } from './leadIn';
import { LineIndex } from './lineIndex';
import { splitSentences, type Sentence } from './sentences';

export interface Heading extends Omit<HeadingMatch, 'markerStart' | 'markerEnd' | 'nameStart' | 'nameEnd'> {
  line: number;
  /** The whole line, without its line break. */
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
  /** From the line after the heading to the end of the section. */
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
  /** Top-level sections. */
  sections: Section[];
  /** Every section in document order. */
  allSections: Section[];
  /** Every body sentence in document order, outside comments. */
  sentences: Sentence[];
  /** Sentences before the first section (preamble). */
  preamble: Sentence[];
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
  let title: Title | null = null;
  let fenced = false;
  let commentIndex = 0;
  for (let line = Math.min(firstBodyLine, lines.lineCount); line < lines.lineCount; line++) {
    const start = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lines.lineStarts[line];
    const end = lineEnd(line);
    if (end - start > 400 && text.charCodeAt(start) !== 35) {
      // Long lines are paragraphs; skip the heading scan except for Markdown headings.
      continue;
    }
    const content = text.slice(start, end);
    if (/^[ \t]{0,3}(```|~~~)/.test(content)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    while (commentIndex < comments.length && comments[commentIndex].span.end <= start) commentIndex++;
    if (commentIndex < comments.length && comments[commentIndex].span.start <= start) continue;
    const match = matchHeading(content);
    if (!match) continue;
    const heading: Heading = {
      style: match.style,
      rank: match.rank,
      marker: match.marker,
      number: match.number,
      numberValue: match.numberValue,
      name: match.name,
      line,
      lineSpan: { start, end },
      markerSpan: { start: start + match.markerStart, end: start + match.markerEnd },
      nameSpan: { start: start + match.nameStart, end: start + match.nameEnd },
    };
    if (match.style === 'markdown' && match.marker.length === 1 && title === null && headings.length === 0) {
      title = { text: match.name, span: heading.nameSpan };
      continue;
    }
    headings.push(heading);
  }

  const { sections, allSections } = buildTree(headings, text.length, lines);
  const sentences = splitSentences(text, bodyStart, text.length, comments.map((c) => c.span));
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
    sections,
    allSections,
    sentences,
    preamble,
    comments,
    directives,
  };
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
    const section: Section = {
      heading,
      name: heading.name,
      depth: stack.length + 1,
      parent,
      children: [],
      span: { start: heading.lineSpan.start, end: textLength },
      bodySpan: { start: nextLine, end: textLength },
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
