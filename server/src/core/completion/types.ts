import type { OffsetEdit, Span } from '../types';

/** One completion proposal, as plain data; the language server turns it into an LSP CompletionItem. */
export interface CompletionCandidate {
  label: string;
  kind: 'key' | 'value' | 'section' | 'element';
  /** Short, shown next to the label (必填, 必备部分 …). */
  detail?: string;
  /** Chinese Markdown shown in the details pane. */
  documentation?: string;
  /** What the typed text is replaced from/to; `insert.end` is the cursor. */
  insert: Span;
  /** The end of the word under the cursor, for clients that replace rather than insert. */
  replaceEnd: number;
  /** The text to insert, with `\n` line breaks (clients convert them). */
  insertText: string;
  /** `insertText` uses snippet syntax (`${1:…}`). */
  snippet: boolean;
  /** Matched against the text typed between `insert.start` and the cursor. */
  filterText?: string;
  sortText: string;
  preselect?: boolean;
  /** Edits elsewhere (renumbering the later headings). */
  additionalEdits?: OffsetEdit[];
}
