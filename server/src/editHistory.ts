/**
 * The edits a client sent since each recent version of a document, as offset changes, so a
 * diagnostic published for an older version can be followed to where its text is now. The
 * editor asks for code actions on diagnostics that may be a keystroke old; without this, a
 * quick fix would have to guess which of two alike findings was meant.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';

/** One change in offsets of the text it applied to: [start, end) became `length` units. */
interface OffsetChange {
  start: number;
  end: number;
  length: number;
}

interface Step {
  from: number;
  to: number;
  changes: OffsetChange[];
}

/** Versions kept per document: enough for a diagnostic a few keystrokes old, bounded for a long session. */
const MAX_STEPS = 64;

export class EditHistory {
  private readonly steps = new Map<string, Step[]>();

  /** A `TextDocuments` configuration that records every incremental change it applies. */
  documentsConfiguration(): TextDocumentsConfiguration<TextDocument> {
    return {
      create: (uri, languageId, version, content) => {
        this.steps.delete(uri);
        return TextDocument.create(uri, languageId, version, content);
      },
      update: (document, changes, version) => {
        const from = document.version;
        const recorded: OffsetChange[] = [];
        // Each change applies to the text left by the previous one, so offsets are taken one at a time.
        for (const change of changes) {
          recorded.push(offsetChange(document, change));
          TextDocument.update(document, [change], version);
        }
        this.record(document.uri, from, version, recorded);
        return document;
      },
    };
  }

  forget(uri: string): void {
    this.steps.delete(uri);
  }

  /**
   * `[start, end)` of version `from`, followed through the edits up to version `to`; null when
   * the history does not reach back that far or an edit touched the span itself.
   */
  map(uri: string, from: number, to: number, start: number, end: number): { start: number; end: number } | null {
    if (from === to) return { start, end };
    const steps = this.steps.get(uri);
    if (!steps) return null;
    let index = steps.findIndex((s) => s.from === from);
    if (index < 0) return null;
    let version = from;
    for (; index < steps.length && version !== to; index++) {
      const step = steps[index];
      if (step.from !== version) return null;
      for (const change of step.changes) {
        if (change.end <= start) {
          const delta = change.length - (change.end - change.start);
          start += delta;
          end += delta;
        } else if (change.start >= end) {
          continue;
        } else {
          return null;
        }
      }
      version = step.to;
    }
    return version === to ? { start, end } : null;
  }

  private record(uri: string, from: number, to: number, changes: OffsetChange[]): void {
    let steps = this.steps.get(uri);
    if (!steps) this.steps.set(uri, (steps = []));
    steps.push({ from, to, changes });
    if (steps.length > MAX_STEPS) steps.splice(0, steps.length - MAX_STEPS);
  }
}

function offsetChange(document: TextDocument, change: TextDocumentContentChangeEvent): OffsetChange {
  if (!('range' in change) || !change.range) return { start: 0, end: document.getText().length, length: change.text.length };
  const a = document.offsetAt(change.range.start);
  const b = document.offsetAt(change.range.end);
  return { start: Math.min(a, b), end: Math.max(a, b), length: change.text.length };
}
