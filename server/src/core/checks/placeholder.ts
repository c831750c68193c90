import type { CheckContext } from '../context';
import { findPlaceholders } from '../placeholders';
import { skeletonLines, skeletonLineSpans } from '../skeletonLines';
import type { Span } from '../types';

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
  const instructions = context.category ? skeletonLineSpans(doc.text, doc.frontMatter.bodyStart, doc.text.length, skeletonLines(context.rules, context.category)) : [];
  const found = [...findPlaceholders(doc.text, 0, doc.text.length, [...skip, ...instructions]), ...instructions.map((span) => ({ span, text: doc.text.slice(span.start, span.end), instruction: true }))].sort((a, b) => a.span.start - b.span.start);
  found.slice(0, MAX_FINDINGS).forEach((p) => {
    context.report({
      rule: 'format/placeholder',
      severity: 'warning',
      message: 'instruction' in p
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
