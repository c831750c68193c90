import type { ElementRule } from '../pack/types';
import type { Section } from '../parse';
import { normaliseWord } from '../clause/normalise';
import { withoutPlaceholders, writtenWords } from '../placeholders';
import { TextMemo } from '../textMemo';

/**
 * The words of a section that can show its elements. Left out: placeholders and the labels
 * they leave (`资金保障：……`), the pack's writing instructions left as inserted (明确政策保障、
 * 人员保障、资金保障等措施。), and empty clauses: a line that is only an element's name,
 * perhaps with a word that says nothing (`（三）资金保障。`, `资金来源：待定`), unless it heads
 * an item whose own lines are written.
 */
export function contentText(text: string, unit: Section, elements: ElementRule[], skeleton: Set<string>): string {
  const names = labelNames(elements);
  let memo = memos.get(skeleton);
  if (!memo) memos.set(skeleton, (memo = new TextMemo<string>(() => '', MEMO_GENERATION_CHARS)));
  const from = unit.heading.lineSpan.start;
  const key = `${names.join('\u0001')}\u0000${outlineKey(unit, from)}\u0000${text.slice(from, unit.span.end)}`;
  return memo.get(key, () => flat(readContent(text, unit, names, skeleton)));
}

/**
 * What `readContent` reads of a unit: its text from its heading line to its end, the element
 * names, the skeleton lines, and where its headings and bodies sit (relative to the heading
 * line). Kept across analyses by all of these, so an edit elsewhere reads no unit again.
 */
const MEMO_GENERATION_CHARS = 1 << 20;
const memos = new WeakMap<Set<string>, TextMemo<string>>();

function outlineKey(unit: Section, from: number): string {
  let out = '';
  const visit = (section: Section) => {
    const h = section.heading;
    out += `${h.lineSpan.start - from},${h.lineSpan.end - from},${h.nameSpan.start - from},${h.nameSpan.end - from},${section.bodySpan.start - from},${section.bodySpan.end - from},${section.span.end - from}(`;
    section.children.forEach(visit);
    out += ')';
  };
  visit(unit);
  return out;
}

/** A copy of `s` that points into no other string (a memo value must not pin a document). */
function flat(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function readContent(text: string, unit: Section, names: string[], skeleton: Set<string>): string {
  const start = unit.heading.nameSpan.start;
  const end = unit.span.end;
  const headed = writtenHeadings(text, unit);
  const kept: string[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end && m[0].length > 0; m = re.exec(text)) {
    const line = text.slice(m.index, Math.min(m.index + m[0].length, end));
    const trimmed = line.trim();
    if (skeleton.has(trimmed)) continue;
    const lineStart = m.index === start ? unit.heading.lineSpan.start : m.index;
    if (isEmptyClause(withoutPlaceholders(trimmed), names) && !headed.has(lineStart)) continue;
    kept.push(line);
  }
  return withoutPlaceholders(kept.join(''));
}

/** Line starts of `unit`'s heading and the headings under it whose item says something besides its heading. */
function writtenHeadings(text: string, unit: Section): Set<number> {
  const out = new Set<number>();
  const visit = (section: Section) => {
    const own = text.slice(section.heading.nameSpan.end, section.heading.lineSpan.end) + text.slice(section.bodySpan.start, section.bodySpan.end);
    if (!SAYS_NOTHING.test(writtenWords(own))) out.add(section.heading.lineSpan.start);
    section.children.forEach(visit);
  };
  visit(unit);
  return out;
}

/** Per element list (a section's elements, filtered anew by each analysis): keyed by the elements, which the rule set keeps. */
const cache = new WeakMap<ElementRule, Map<string, string[]>>();

/** Element names and synonyms in matching form, longest first (资金保障措施 before 资金保障). */
function labelNames(elements: ElementRule[]): string[] {
  if (elements.length === 0) return [];
  let byList = cache.get(elements[0]);
  if (!byList) cache.set(elements[0], (byList = new Map()));
  const key = elements.map((e) => `${e.name}\u0001${(e.synonyms ?? []).join('\u0001')}`).join('\u0000');
  let names = byList.get(key);
  if (!names) {
    names = [...new Set(elements.flatMap((e) => [e.name, ...(e.synonyms ?? [])]).map(normaliseWord))].sort((a, b) => b.length - a.length);
    byList.set(key, names);
  }
  return names;
}

/** Words that, after a label, say nothing yet. */
const SAYS_NOTHING = /^(?:具体(?:事项|内容|办法)?)?由?(?:甲乙)?(?:双方)?(?:协商)?(?:无|暂无|待定|待补充|待明确|另行(?:商定|约定|协商|研究|确定)|另议|略|详见后续约定)?$/;
const MARKER = /^(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+、|\d+[．.、]|第[一二三四五六七八九十百\d]+[章条节]|#+)/;

/** Is the line only an element's name (after its numbering), with nothing or an empty word after it? */
function isEmptyClause(line: string, names: string[]): boolean {
  const bare = normaliseWord(line.replace(MARKER, '')).replace(/[\s\p{P}\p{S}]/gu, '');
  if (bare.length === 0) return false;
  const name = names.find((n) => bare.startsWith(n.replace(/[\s\p{P}\p{S}]/gu, '')));
  if (!name) return false;
  const rest = bare.slice(name.replace(/[\s\p{P}\p{S}]/gu, '').length).replace(/^(?:机制|制度|措施|方面)/, '');
  return SAYS_NOTHING.test(rest);
}
