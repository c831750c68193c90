/**
 * The text of a Word file as the core sees it, and the way back from that text to the
 * package: readers build an `ExtractedWord`; writers (comments, tracked changes) use its
 * paragraph and run map to anchor findings on the words they cover. The core never sees a
 * Word file: it analyses `text` like any agreement document.
 */

/** One `w:r` run's share of a paragraph's visible text. */
export interface WordRun {
  /** Offsets into the paragraph's `text` (UTF-16 units), after the numbering prefix. */
  start: number;
  end: number;
  /** Index of the run among the `w:r` elements of its paragraph, in document order. */
  ordinal: number;
}

export interface WordParagraph {
  /** Index among the paragraphs the reader kept (body paragraphs and table cells), from 0. */
  index: number;
  /** Package part holding the paragraph, e.g. `word/document.xml`. */
  part: string;
  /** Index of the `w:p` element among all `w:p` of its part, in document order. */
  ordinal: number;
  /** Visible text as the officer sees it, including the rendered automatic number. */
  text: string;
  /** The automatic number Word renders before the text (一、 （一） 1.), '' when none. */
  numberingPrefix: string;
  kind: 'title' | 'heading' | 'body' | 'table';
  /** Heading level (1 = 一、) when `kind` is heading. */
  level?: number;
  runs: WordRun[];
  /** Offset of this paragraph's first character in `ExtractedWord.text`. */
  textStart: number;
}

export interface ExtractedWord {
  /** The agreement document the core analyses: inferred front matter, then one line per paragraph. */
  text: string;
  /** Offset in `text` where the body (the first paragraph) begins. */
  bodyStart: number;
  paragraphs: WordParagraph[];
  /** Front-matter values read from the text rather than given by the officer, key → value. */
  inferred: Record<string, string>;
  /** Things the officer should know about the reading (unsupported content, encoding used …). */
  notes: string[];
}
