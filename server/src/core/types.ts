/**
 * Plain data shared by the analysis core, the language server and the CLI.
 * Offsets are UTF-16 code-unit offsets into the analysed text (what JavaScript
 * strings index and what LSP positions count).
 */
import type { Severity } from './pack/types';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit within the line. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span `[start, end)` of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A text edit over offsets of the analysed text. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** Chinese title shown in the quick-fix menu. */
  title: string;
  edits: OffsetEdit[];
  /** Safe fixes may be applied without review (fix-all, `--fix`, codeActionsOnSave). */
  safe: boolean;
  /** The one obvious fix for its finding. */
  preferred?: boolean;
  /**
   * Safe fixes that change more than markers and whole inserted lines. `rewrite`: a whole
   * sentence replaced by a clause's compliant wording (fix-all applies at most one to a
   * sentence). `move`: a section moved to its place, its lines kept byte for byte, the
   * numbering renumbered.
   */
  kind?: 'rewrite' | 'move';
}

export interface ResolvedCitation {
  regulationId: string;
  /** 文号, may be empty. */
  docNumber: string;
  title: string;
  issuer: string;
  article: string;
  /** The provision's words. */
  text: string;
  url?: string;
  /** Full-text file name under `regulations/`. */
  file?: string;
}

export interface Finding {
  /** Stable rule id `family/name`. */
  rule: string;
  severity: Severity;
  /** Chinese: what is wrong and what to do. */
  message: string;
  span: Span;
  range: Range;
  citation?: ResolvedCitation;
  seeAlso?: ResolvedCitation[];
}
