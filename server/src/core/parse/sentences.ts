import type { Span } from '../types';

export interface Sentence {
  text: string;
  span: Span;
}

const TERMINATORS = new Set(['。', '；', '！', '？', ';', '!', '?', '\n', '\r']);
const TRIM = /[ \t\u3000\u00a0]/;

/**
 * Split `text[from, to)` into sentences on 。；！？ (and their half-width forms)
 * and line ends. The terminator belongs to its sentence; blanks around are trimmed;
 * empty pieces are dropped. `skip` spans (comments) are left out.
 */
export function splitSentences(text: string, from: number, to: number, skip: Span[] = [], out: Sentence[] = []): Sentence[] {
  let start = from;
  let skipIndex = 0;
  const push = (s: number, e: number) => {
    while (s < e && TRIM.test(text[s])) s++;
    while (e > s && (TRIM.test(text[e - 1]) || text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
    if (e > s) out.push({ text: text.slice(s, e), span: { start: s, end: e } });
  };
  for (let i = from; i < to; i++) {
    while (skipIndex < skip.length && skip[skipIndex].end <= i) skipIndex++;
    if (skipIndex < skip.length && skip[skipIndex].start <= i) {
      push(start, i);
      i = skip[skipIndex].end - 1;
      start = skip[skipIndex].end;
      continue;
    }
    const ch = text[i];
    if (TERMINATORS.has(ch)) {
      const lineBreak = ch === '\n' || ch === '\r';
      push(start, lineBreak ? i : i + 1);
      start = i + 1;
    }
  }
  push(start, to);
  return out;
}
