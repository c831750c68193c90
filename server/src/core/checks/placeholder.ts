import type { CheckContext } from '../context';
import { findPlaceholders } from '../placeholders';
import { skeletonLines, skeletonLineSpans } from '../skeletonLines';
import type { Span } from '../types';
import type { AgreementDocument } from '../parse';
import { TextMemo } from '../textMemo';

/** At most this many findings per document; one more says how many were left unmarked. */
const MAX_FINDINGS = 100;

/**
 * `format/placeholder`: every blank left to fill — ……, ____, 【】, （甲方全称）-style
 * instructions, 某某 / XX — in the front matter and the body, outside comments and code.
 * Inserted skeletons carry such placeholders, so a section inserted by a fix is
 * flagged until the officer writes it.
 */
export function checkPlaceholders(context: CheckContext): void {
  const { doc } = context;
  const skip: Span[] = [...doc.comments.map((c) => c.span), ...codeBlocks(doc.text, doc.frontMatter.bodyStart)];
  // Instruction lines of the category's skeletons, left as inserted, are placeholders too.
  const lines = context.category ? skeletonLines(context.rules, context.category) : NO_LINES;
  const found = placeholdersOf(doc, skip, lines);
  found.slice(0, MAX_FINDINGS).forEach((p) => {
    context.report({
      rule: 'format/placeholder',
      severity: 'warning',
      message: p.instruction
        ? `“${p.text.slice(0, 20)}${p.text.length > 20 ? '…' : ''}”是规则包给出的写作说明，尚未改写为协议内容。请按说明写明实际内容。`
        : `“${p.text.length > 20 ? `${p.text.slice(0, 20)}…` : p.text}”是尚未填写的占位内容。请写明实际内容，或删去。`,
      span: p.span,
    });
  });
  if (found.length > MAX_FINDINGS) {
    const last = found[found.length - 1];
    context.report({ rule: 'format/placeholder', severity: 'warning', message: `另有 ${found.length - MAX_FINDINGS} 处占位内容尚未填写（未逐一标出）。`, span: last.span });
  }
}

interface Found {
  span: Span;
  text: string;
  instruction: boolean;
}

const NO_LINES = new Set<string>();

/** Placeholders and instruction lines of `text[from, to)`, in order; `skip` spans are left out. */
function scan(text: string, from: number, to: number, skip: Span[], lines: Set<string>): Found[] {
  const instructions = lines.size > 0 ? skeletonLineSpans(text, from, to, lines) : [];
  return [
    ...findPlaceholders(text, from, to, [...skip, ...instructions]).map((p) => ({ ...p, instruction: false })),
    ...instructions.map((span) => ({ span, text: text.slice(span.start, span.end), instruction: true })),
  ].sort((a, b) => a.span.start - b.span.start);
}

/**
 * Every placeholder of the document. Each pattern matches inside a line, and so does an
 * instruction line: the body is read piece by piece (see `AgreementDocument.pieces`), and in a
 * long document a piece without comments or code is read again only when its text changed (its
 * results kept by its text, offsets relative). A piece is read alone only when it starts after a
 * `\n` (a lone `\r` is a line end the parenthesis pattern does not stop at).
 */
function placeholdersOf(doc: AgreementDocument, skip: Span[], lines: Set<string>): Found[] {
  const { text, pieces } = doc;
  const bodyStart = doc.frontMatter.bodyStart;
  const piecewise = text.length >= MEMO_MIN_TEXT && (bodyStart === 0 || text.charCodeAt(bodyStart - 1) === 10) && pieces.every((p) => p.start === 0 || text.charCodeAt(p.start - 1) === 10);
  if (!piecewise) return wholeText(text, bodyStart, skip, lines);
  const sortedSkip = [...skip].sort((a, b) => a.start - b.start);
  const out: Found[] = [];
  // The front matter (no instruction lines there).
  if (bodyStart > 0) out.push(...scan(text, 0, bodyStart, sortedSkip.filter((s) => s.start < bodyStart), NO_LINES));
  let memo = memos.get(lines);
  if (!memo) memos.set(lines, (memo = new TextMemo<Found[]>((piece) => scan(piece, 0, piece.length, [], lines), MEMO_GENERATION_CHARS)));
  for (const piece of pieces) {
    const inside = sortedSkip.filter((s) => s.start < piece.end && s.end > piece.start);
    if (inside.length > 0 || piece.hasComments) {
      out.push(...scan(text, piece.start, piece.end, inside, lines));
      continue;
    }
    for (const f of piece.id !== 0 ? memo.getKept(piece.text) : memo.get(piece.text)) out.push({ ...f, span: { start: piece.start + f.span.start, end: piece.start + f.span.end } });
  }
  return out;
}

/** The whole text at once: instruction lines from the body's start, placeholders everywhere. */
function wholeText(text: string, bodyStart: number, skip: Span[], lines: Set<string>): Found[] {
  const instructions = lines.size > 0 ? skeletonLineSpans(text, bodyStart, text.length, lines) : [];
  return [
    ...findPlaceholders(text, 0, text.length, [...skip, ...instructions]).map((p) => ({ ...p, instruction: false })),
    ...instructions.map((span) => ({ span, text: text.slice(span.start, span.end), instruction: true })),
  ].sort((a, b) => a.span.start - b.span.start);
}

const MEMO_MIN_TEXT = 1 << 15;
const MEMO_GENERATION_CHARS = 1 << 21;
const memos = new WeakMap<Set<string>, TextMemo<Found[]>>();

/** Fenced ``` blocks of the body: examples, not the agreement's words. */
function codeBlocks(text: string, from: number): Span[] {
  const spans: Span[] = [];
  const fence = /^[ \t]*```.*$/gm;
  fence.lastIndex = from;
  let open = -1;
  for (let m = fence.exec(text); m; m = fence.exec(text)) {
    if (open < 0) open = m.index;
    else {
      spans.push({ start: open, end: m.index + m[0].length });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ start: open, end: text.length });
  return spans;
}
