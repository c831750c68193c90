/**
 * Completion as plain data: what to propose at an offset of a parsed document.
 * The language server adapts it to LSP (server/src/features/completion.ts).
 */
import type { RuleSet } from '../pack/ruleSet';
import type { AgreementDocument } from '../parse';
import { bodyCompletions } from './bodyCompletion';
import { frontMatterCompletions } from './frontMatterCompletion';
import type { CompletionCandidate } from './types';

export type { CompletionCandidate } from './types';

/** Trigger characters: a finished Chinese number (`、`), an opening parenthesis, a colon. */
export const COMPLETION_TRIGGERS = ['、', '（', '(', '）', ')', ':', '：'];

export function completionsAt(doc: AgreementDocument, rules: RuleSet, offset: number): CompletionCandidate[] {
  const fm = doc.frontMatter;
  const unclosed = fm.problems.some((p) => p.kind === 'unclosed');
  if (fm.present && !unclosed && offset >= fm.contentSpan.start && offset < fm.contentSpan.end) {
    return frontMatterCompletions(doc, rules, offset);
  }
  if (fm.present && offset < fm.bodyStart) return [];
  return bodyCompletions(doc, rules, offset);
}
