import { sectionBody } from './checks/elements';
import type { RuleSet } from './pack/ruleSet';
import type { CategoryRule } from './pack/types';
import type { Span } from './types';

const cache = new WeakMap<CategoryRule, Set<string>>();

/**
 * The category's writing instructions as inserted by a fix or a snippet (逐个列明重点项目……,
 * 写明对接合作的方式……): lines of the pack's skeletons. Left unchanged in a document they
 * are placeholders, not the agreement's words.
 */
export function skeletonLines(rules: Pick<RuleSet, 'elementPatterns'>, category: CategoryRule): Set<string> {
  let lines = cache.get(category);
  if (!lines) {
    lines = new Set();
    for (const section of category.sections) {
      for (const line of sectionBody(rules, section).split('\n')) {
        const trimmed = line.trim();
        if (trimmed.length >= 8) lines.add(trimmed);
      }
    }
    cache.set(category, lines);
  }
  return lines;
}

/** The spans of the lines of `text` (from `from` to `to`) that are skeleton instructions left as they are. */
export function skeletonLineSpans(text: string, from: number, to: number, lines: Set<string>): Span[] {
  const spans: Span[] = [];
  if (lines.size === 0) return spans;
  const re = /[^\r\n]+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const trimmed = m[0].trim();
    if (lines.has(trimmed)) {
      const start = m.index + m[0].indexOf(trimmed);
      spans.push({ start, end: start + trimmed.length });
    }
  }
  return spans;
}
