import type { ElementRule } from '../pack/types';
import type { Section } from '../parse';
import { normaliseWord } from '../clause/normalise';
import { withoutPlaceholders, writtenWords } from '../placeholders';
import { wordsOnly } from '../wordsOnly';

/**
 * The words of a section that can show its elements. Left out: placeholders and the labels
 * they leave (`资金保障：……`), the pack's writing instructions left as inserted (明确政策保障、
 * 人员保障、资金保障等措施。), and empty clauses: a line that is only an element's name,
 * perhaps with a word that says nothing (`（三）资金保障。`, `资金来源：待定`), unless it heads
 * an item whose own lines are written.
 */
export function contentText(text: string, unit: Section, elements: ElementRule[], skeleton: Set<string>): string {
  const start = unit.heading.nameSpan.start;
  const end = unit.span.end;
  const headed = writtenHeadings(text, unit);
  const names = labelNames(elements);
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

/** A label in matching form, and the same without blanks, punctuation and symbols (what a line is compared with). */
interface LabelName {
  name: string;
  bare: string;
}

/** Labels by the element names they come from (the filtered element lists are new arrays each analysis). */
const cache = new Map<string, LabelName[]>();
const CACHE_SIZE = 512;

/** Element names and synonyms in matching form, longest first (资金保障措施 before 资金保障). */
function labelNames(elements: ElementRule[]): LabelName[] {
  const key = JSON.stringify(elements.map((e) => [e.name, ...(e.synonyms ?? [])]));
  let names = cache.get(key);
  if (!names) {
    const words = [...new Set(elements.flatMap((e) => [e.name, ...(e.synonyms ?? [])]).map(normaliseWord))].sort((a, b) => b.length - a.length);
    names = words.map((name) => ({ name, bare: wordsOnly(name) }));
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(key, names);
  }
  return names;
}

/** Words that, after a label, say nothing yet. */
const SAYS_NOTHING = /^(?:具体(?:事项|内容|办法)?)?由?(?:甲乙)?(?:双方)?(?:协商)?(?:无|暂无|待定|待补充|待明确|另行(?:商定|约定|协商|研究|确定)|另议|略|详见后续约定)?$/;
const MARKER = /^(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+、|\d+[．.、]|第[一二三四五六七八九十百\d]+[章条节]|#+)/;

/** Is the line only an element's name (after its numbering), with nothing or an empty word after it? */
function isEmptyClause(line: string, names: LabelName[]): boolean {
  const bare = wordsOnly(normaliseWord(line.replace(MARKER, '')));
  if (bare.length === 0) return false;
  const name = names.find((n) => bare.startsWith(n.bare));
  if (!name) return false;
  const rest = bare.slice(name.bare.length).replace(/^(?:机制|制度|措施|方面)/, '');
  return SAYS_NOTHING.test(rest);
}
