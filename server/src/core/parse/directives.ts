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

const DIRECTIVE = /^\s*agreement-(disable-next-line|disable-line|disable|enable)\b([\s\S]*)$/;

export function scanComments(text: string, from: number, positionLine: (offset: number) => number): { comments: Comment[]; directives: Directive[] } {
  const comments: Comment[] = [];
  const directives: Directive[] = [];
  // indexOf, not /<!--([\s\S]*?)-->/g: with unclosed openers the regex rescans to the end
  // from every "<!--" (quadratic). An unclosed "<!--" hides the rest of the text from
  // Markdown; treat it so here too.
  let open = text.indexOf('<!--', from);
  while (open >= 0) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) {
      comments.push({ span: { start: open, end: text.length } });
      break;
    }
    const span = { start: open, end: close + 3 };
    comments.push({ span });
    open = text.indexOf('<!--', span.end);
    const d = DIRECTIVE.exec(text.slice(span.start + 4, close));
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
  return { comments, directives };
}
