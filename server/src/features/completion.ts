import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Position,
} from 'vscode-languageserver';
import type { Analysis } from '../analysisCache';
import { snippetToText } from '../core/authoring/snippets';
import { completionsAt, type CompletionCandidate } from '../core/completion';

export { COMPLETION_TRIGGERS } from '../core/completion';

const KIND: Record<CompletionCandidate['kind'], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  section: CompletionItemKind.Module,
  element: CompletionItemKind.Field,
};

/** What the client can take, from its initialize capabilities. */
export interface CompletionSupport {
  insertReplace: boolean;
  /** Snippet syntax (`${1:…}`); without it the text goes in with every placeholder at its default. */
  snippets: boolean;
}

/** Completion: front-matter keys and values, missing sections and elements (see core/completion). */
export function completion(analysis: Analysis, position: Position, support: CompletionSupport): CompletionItem[] {
  const { doc } = analysis;
  const offset = doc.lines.offsetAt(position);
  return completionsAt(doc, analysis.ruleSet, offset).map((c) => {
    const insert = doc.lines.rangeOf(c.insert);
    const replace = doc.lines.rangeOf({ start: c.insert.start, end: Math.max(c.replaceEnd, c.insert.end) });
    const snippet = c.snippet && support.snippets;
    const newText = c.snippet && !snippet ? snippetToText(c.insertText, today()) : c.insertText;
    return {
      label: c.label,
      kind: KIND[c.kind],
      detail: c.detail,
      documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
      textEdit: support.insertReplace && c.replaceEnd > c.insert.end ? { newText, insert, replace } : { newText, range: insert },
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      filterText: c.filterText,
      sortText: c.sortText,
      preselect: c.preselect,
      additionalTextEdits: c.additionalEdits?.map((e) => ({ range: doc.lines.rangeOf(e), newText: e.newText })),
    };
  });
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
