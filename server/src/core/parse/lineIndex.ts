import type { Position, Range, Span } from '../types';

/**
 * Maps UTF-16 offsets to LSP positions and back. Line breaks are `\r\n`, `\n`
 * and a lone `\r`, as LSP defines them. A BOM, when present, stays in the text
 * and counts as one code unit of line 0, exactly as it is in the string.
 */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];

  /** `lineStarts`: the starts already known (see `edited`). */
  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // Most texts break lines with \n only: the native search jumps from break to break.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /**
   * The index of `text`, which is this index's text with `[from, oldEnd)` replaced by what is
   * now `text[from, newEnd)`: line starts before the edit are kept, those in it read again, and
   * those after it moved. A line starts after \n, and after \r not followed by \n.
   */
  edited(text: string, from: number, oldEnd: number, newEnd: number): LineIndex {
    const old = this.lineStarts;
    const starts: number[] = [];
    let k = 0;
    while (k < old.length && old[k] < from) starts.push(old[k++]);
    if (from === 0) starts.push(0);
    for (let i = Math.max(from - 1, 0); i < newEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    const shift = newEnd - oldEnd;
    while (k < old.length && old[k] <= oldEnd) k++;
    for (; k < old.length; k++) starts.push(old[k] + shift);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineContentEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** Offset of the end of a line's content (before its line break). */
  lineContentEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The line break the document mostly uses, for inserts. */
  dominantEol(): string {
    let crlf = 0;
    let lf = 0;
    let cr = 0;
    for (let line = 1; line < this.lineStarts.length && line < 2000; line++) {
      const at = this.lineStarts[line];
      if (this.text.charCodeAt(at - 1) === 10) {
        if (this.text.charCodeAt(at - 2) === 13) crlf++;
        else lf++;
      } else cr++;
    }
    if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
    if (cr > lf) return '\r';
    return '\n';
  }
}
