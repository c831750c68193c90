import type { Span } from '../types';

/**
 * Inline control comments:
 *   <!-- agreement-disable clause/exclusive section/order -- 理由 -->
 *   <!-- agreement-enable -->            (ends every disable; or name ids)
 *   <!-- agreement-disable-next-line clause/tax-rebate -- 理由 -->
 *   <!-- agreement-disable-line … -->    (the line the comment is on)
 * No ids means every rule.
 */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  rules: string[];
  reason: string;
  span: Span;
  line: number;
}

export interface Comment {
  span: Span;
}

const COMMENT = /<!--([\s\S]*?)-->/g;
const DIRECTIVE = /^\s*agreement-(disable-next-line|disable-line|disable|enable)\b([\s\S]*)$/;

export function scanComments(text: string, from: number, positionLine: (offset: number) => number): { comments: Comment[]; directives: Directive[] } {
  const comments: Comment[] = [];
  const directives: Directive[] = [];
  if (text.indexOf('<!--', from) < 0) return { comments, directives };
  COMMENT.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = COMMENT.exec(text))) {
    const span = { start: m.index, end: m.index + m[0].length };
    comments.push({ span });
    const d = DIRECTIVE.exec(m[1]);
    if (!d) continue;
    const [idsPart, ...reasonParts] = d[2].split('--');
    const rules = idsPart.split(/[\s,，]+/).filter((id) => id.length > 0);
    directives.push({
      kind: d[1] as Directive['kind'],
      rules,
      reason: reasonParts.join('--').trim(),
      span,
      line: positionLine(span.start),
    });
  }
  // An unclosed "<!--" hides the rest of the text from Markdown; treat it so here too.
  const lastOpen = text.lastIndexOf('<!--');
  const last = comments[comments.length - 1];
  if (lastOpen >= from && (!last || lastOpen >= last.span.end)) comments.push({ span: { start: lastOpen, end: text.length } });
  return { comments, directives };
}
