/**
 * The fixes of a sentence's clause findings: one compliant rewording of the whole sentence
 * (every rule that fired and has a `replacement`, said of the sentence's own parties, see
 * fixes/reword.ts) and the removal of the sentence. Every finding of the sentence offers the
 * same rewording, so two rules never propose two conflicting rewrites of one sentence.
 */
import type { CheckContext } from '../context';
import { rewordFor } from '../fixes/reword';
import type { Sentence } from '../parse';
import type { Fix, OffsetEdit } from '../types';
import type { ClauseHit } from './clauses';

/** A list or article marker the rewording keeps: （一） 1. 1、 （1） ① 第三条. */
const LEADING_MARKER = /^(?:第[一二三四五六七八九十百零〇两\d]+[条款项]|[（(][一二三四五六七八九十百零〇两\d]+[）)]|[一二三四五六七八九十百]+、|\d+[．.、]|[①-⑳])[ \t\u3000]*/;
/** A short label before the words (前言：, 税收政策：), kept when no offending word is in it. */
const LEADING_LABEL = /^[^，,。；;：:！!？?\s“”"（）()]{1,12}[：:][ \t\u3000]*/;
/** The sentence's own end: kept, so an item of a list ending in ；stays one. */
const TERMINATOR = /[。；！？;!?]$/;

export function sentenceClauseFixes(context: CheckContext, sentence: Sentence, hits: ClauseHit[]): Fix[] {
  const removal: Fix = { title: '删除此句', edits: [removeSentenceEdit(context, sentence)], safe: false, preferred: true };
  const rewrite = rewriteFix(context, sentence, hits);
  return rewrite ? [rewrite, { ...removal, preferred: false }] : [removal];
}

function rewriteFix(context: CheckContext, sentence: Sentence, hits: ClauseHit[]): Fix | null {
  const ordered = [...hits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let unresolved = false;
  for (const hit of ordered) {
    const template = hit.clause.rule.replacement?.trim();
    if (!template) continue;
    const reworded = rewordFor(template, { text: sentence.text, leadIn: sentence.leadIn?.text, hitStart: hit.start }, context.parties);
    const part = reworded.text.replace(/[。；;！!？?\s]+$/, '');
    if (parts.includes(part)) continue;
    parts.push(part);
    unresolved ||= reworded.unresolved;
  }
  if (parts.length === 0) return null;
  let marker = LEADING_MARKER.exec(sentence.text)?.[0] ?? '';
  const label = LEADING_LABEL.exec(sentence.text.slice(marker.length))?.[0] ?? '';
  if (label && ordered.every((h) => h.start >= marker.length + label.length)) marker += label;
  const end = TERMINATOR.exec(sentence.text)?.[0] ?? '。';
  const newText = `${marker}${parts.join('；')}${end}`;
  const shown = newText.slice(marker.length);
  const rules = new Set(ordered.map((h) => h.clause.rule.id)).size;
  const title = rules > 1 ? `改为合规表述（一并改正本句的 ${rules} 处问题）：“${shown}”` : `改为合规表述：“${shown}”`;
  return {
    title,
    edits: [{ start: sentence.span.start, end: sentence.span.end, newText }],
    // Applied without review only when it names the sentence's real parties; with a placeholder the officer chooses.
    safe: !unresolved,
    preferred: true,
    kind: 'rewrite',
  };
}

/** Delete a sentence; when it is alone on its line, delete the line with its break. */
function removeSentenceEdit(context: CheckContext, sentence: Sentence): OffsetEdit {
  const { lines, text } = context.doc;
  const line = lines.positionAt(sentence.span.start).line;
  // A sentence broken across lines ends on a later line than it starts.
  const lastLine = lines.positionAt(sentence.span.end).line;
  const lineStart = lines.lineStarts[line];
  const lineEnd = lines.lineContentEnd(lastLine);
  const before = text.slice(lineStart, sentence.span.start);
  const after = text.slice(sentence.span.end, lineEnd);
  if (/^[ \t\u3000]*$/.test(before) && /^[ \t\u3000]*$/.test(after)) {
    const nextStart = lastLine + 1 < lines.lineCount ? lines.lineStarts[lastLine + 1] : lineEnd;
    return { start: lineStart, end: nextStart, newText: '' };
  }
  return { start: sentence.span.start, end: sentence.span.end, newText: '' };
}
