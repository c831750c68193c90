import type { CheckContext, DraftFinding } from '../context';
import { childStyle, formatMarker } from '../fixes/numbering';
import type { RuleSet } from '../pack/ruleSet';
import type { ElementRule, SectionRule } from '../pack/types';
import type { Section } from '../parse';
import { matchSections, sectionText } from '../sectionMatch';
import type { Fix, Span } from '../types';
import { sectionInsertEnd, trimBlankEnd, withEol } from '../fixes/insertPoint';
import { matchHeading } from '../parse/headings';
import { normaliseWord } from '../clause/normalise';
import { findPlaceholders, onlyPlaceholders } from '../placeholders';
import { contentText, sameShape, unitKey } from './elementContent';
import { skeletonLines } from '../skeletonLines';
import { TextMemo } from '../textMemo';
import { appliesToDocType, documentDocType } from '../docTypeScope';

/**
 * `element/missing`: a section must name certain things (the "guarantees"): 保障措施
 * names 政策保障、人员保障、资金保障; each 重点项目 item names 实施主体、资金来源 ….
 * An element counts as present when the section's text names it or a synonym,
 * or matches its pattern; a sub-heading is not required.
 */
export function checkElements(context: CheckContext): void {
  const { category, doc } = context;
  if (!category) return;
  const docType = documentDocType(doc);
  for (const match of matchSections(doc, category)) {
    const elements = (match.rule.elements ?? []).filter((e) => appliesToDocType(e.docTypes, docType, category));
    if (elements.length === 0) continue;
    // 双方的权利和义务 and 违约责任 both standing for 法律责任: an element named in either counts.
    const lines = skeletonLines(context.rules, category);
    // contentText is pure in the section, the elements and the skeleton lines: each section's is read once here.
    const contents = new Map<Section, string>();
    const content = (s: Section): string => {
      let text = contents.get(s);
      if (text === undefined) contents.set(s, (text = contentText(doc.text, s, elements, lines, doc.pieces)));
      return text;
    };
    const whole = match.rule.elementsPerItem ? [] : match.sections.slice(1).map(content);
    const words = match.rule.elementsPerItem ? elementWords(elements) : [];
    for (const section of match.rule.elementsPerItem ? match.sections : match.sections.slice(0, 1)) {
      // A section holding only placeholders is reported once, by section/missing, as not yet written.
      if (onlyPlaceholders(sectionText(doc, section).slice(section.name.length), lines)) continue;
      const perItem = match.rule.elementsPerItem && section.children.length > 0 && !childrenAreElements(section, words);
      const units = perItem ? section.children : [section];
      for (const unit of units) reportUnit(context, match.rule, unit, elements, unit !== section, whole, content, docType ?? '');
    }
  }
}

/**
 * One project written with its elements as numbered items (（一）实施主体：… （二）资金来源：…):
 * the items are the project's elements, not projects of their own.
 */
function childrenAreElements(section: Section, words: string[]): boolean {
  let named = 0;
  for (const child of section.children) if (words.some((w) => child.name.startsWith(w))) named++;
  return named >= 2 && named * 2 >= section.children.length;
}

/** Every name and synonym of the elements (none empty). */
function elementWords(elements: ElementRule[]): string[] {
  return elements.flatMap((e) => [e.name, ...(e.synonyms ?? [])]).filter((w) => w.length > 0);
}

/** An element a unit does not show: what is said of it, where (relative to the unit's region in a remembered result), and whether an insert is offered. */
interface UnitFinding {
  element: ElementRule;
  message: string;
  span: Span;
  insert: boolean;
}

function reportUnit(context: CheckContext, rule: SectionRule, unit: Section, elements: ElementRule[], isItem: boolean, others: string[], itemText: (item: Section) => string, docType: string): void {
  const { doc } = context;
  // A unit judged with other sections' contents reads beyond its own region: not remembered.
  const named = others.length === 0 && doc.text.length >= UNIT_MEMO_MIN_TEXT ? unitKey(unit, elements, doc.pieces) : null;
  let found: UnitFinding[];
  let at = 0;
  if (named) {
    at = named.from;
    // By the pieces and element names, then by the layout among the (few) units of those pieces.
    const key = `${isItem ? 1 : 0}\u0000${docType}\u0000${named.pieces}\u0000${named.labels}`;
    const layouts = unitMemo(context.rules, rule).get(key, undefined, key.length + named.shape.length);
    let kept = layouts.find((l) => sameShape(l.shape, named.shape))?.found;
    if (!kept) {
      kept = checkUnit(context, rule, unit, elements, isItem, others, itemText).map((f) => ({ ...f, span: { start: f.span.start - at, end: f.span.end - at } }));
      layouts.push({ shape: named.shape, found: kept });
    }
    found = kept;
  } else found = checkUnit(context, rule, unit, elements, isItem, others, itemText);
  for (const f of found) {
    const { element } = f;
    const span = { start: f.span.start + at, end: f.span.end + at };
    const draft: DraftFinding = { rule: 'element/missing', severity: element.severity ?? 'warning', span, citation: context.rules.resolve(element.citation), message: f.message };
    if (f.insert) draft.fixes = () => [insertElementFix(context, unit, element)];
    context.report(draft);
  }
}

/**
 * In a long document a unit's findings are kept across analyses (spans relative to its region),
 * by the unit's key (`unitKey`: its pieces, heading layout and element names), whether it is an
 * item, the document's 文种, the section rule and the rule set: all that `checkUnit` reads.
 */
const UNIT_MEMO_MIN_TEXT = 1 << 15;
const UNIT_MEMO_CHARS = 1 << 22;
type KeptUnits = Array<{ shape: number[]; found: UnitFinding[] }>;
const unitMemos = new WeakMap<RuleSet, WeakMap<SectionRule, TextMemo<KeptUnits>>>();

function unitMemo(rules: RuleSet, rule: SectionRule): TextMemo<KeptUnits> {
  let byRule = unitMemos.get(rules);
  if (!byRule) unitMemos.set(rules, (byRule = new WeakMap()));
  let memo = byRule.get(rule);
  if (!memo) byRule.set(rule, (memo = new TextMemo<KeptUnits>(() => [], UNIT_MEMO_CHARS)));
  return memo;
}

function checkUnit(context: CheckContext, rule: SectionRule, unit: Section, elements: ElementRule[], isItem: boolean, others: string[], itemText: (item: Section) => string): UnitFinding[] {
  const { doc } = context;
  const found: UnitFinding[] = [];
  const text = doc.text.slice(unit.heading.nameSpan.start, unit.span.end);
  // An item that is still all placeholders (（一）……项目 with empty labels): format/placeholder flags it.
  if (isItem && onlyPlaceholders(text)) return found;
  const written = itemText(unit);
  for (const element of elements) {
    // Content the regulation asks for is judged in the element's own item when it has one:
    // （三）政策扶持。用足用好现有政策。 is not rescued by the 绿色通道 of the next item.
    // Without an item of its own, the items of the other elements are theirs (专人 of 绿色通道 is no 组织领导).
    const own = element.requirePattern ? ownItem(unit, element) : undefined;
    const satisfied = own
      ? isSatisfied(context, element, itemText(own))
      : isSatisfied(context, element, element.requirePattern ? withoutOthersItems(unit, element, elements, written, itemText) : written) ||
        others.some((other) => isSatisfied(context, element, other));
    if (satisfied) continue;
    const where = isItem ? `“${rule.name}”中的“${unit.name}”` : `“${unit.name}”`;
    const span = unit.heading.nameSpan.end > unit.heading.nameSpan.start ? unit.heading.nameSpan : unit.heading.lineSpan;
    if (element.requirePattern && named(context, element, written)) {
      // Named with words of its own, but not the kind of content the regulation asks for (时间节点 without a year).
      const wanted = element.contentHint ?? element.name;
      found.push({ element, span, insert: false, message: `${where}只写了“${element.name}”这一要求，没有写明${wanted}。` });
      continue;
    }
    if (named(context, element, text)) {
      // Named, but only as a label before a placeholder (`资金来源：……`), or as a bare label or an empty item (`（三）资金保障。`).
      const naming = text.split(/\r\n|\r|\n/).filter((line) => named(context, element, line));
      const what = naming.some((line) => findPlaceholders(line).length > 0) ? '只有占位内容' : '只写了名称，没有具体内容';
      found.push({ element, span, insert: false, message: `${where}中的“${element.name}”尚未填写，${what}。请写明${element.name}的具体内容。` });
      continue;
    }
    const message = element.contentHint ? `${where}未写明“${element.name}”：应写明${element.contentHint}。` : `${where}未写明“${element.name}”。请补充${element.name}的具体内容。`;
    found.push({ element, span, insert: true, message });
  }
  return found;
}

/** The item under `unit` headed by the element's name or a synonym (（一）强化组织领导。…), if any. */
function ownItem(unit: Section, element: ElementRule): Section | undefined {
  const words = [element.name, ...(element.synonyms ?? [])].filter((w) => w.length > 0).map(normaliseWord);
  return unit.children.find((child) => {
    const full = normaliseWord(child.name);
    const name = full.replace(/^(?:加强|强化|健全|完善|建立|落实|做好|抓好|明确)/, '');
    // （七）绿色通道。 heads 绿色通道专人负责.
    return words.some((w) => name.startsWith(w) || full.startsWith(w));
  });
}

/** The written text without the items that belong to the other elements. */
function withoutOthersItems(unit: Section, element: ElementRule, elements: ElementRule[], written: string, itemText: (item: Section) => string): string {
  let out = written;
  for (const other of elements) {
    if (other === element) continue;
    const item = ownItem(unit, other);
    if (item && item !== ownItem(unit, element)) out = out.split(itemText(item)).join('');
  }
  return out;
}

/**
 * Does the text show the element: by name, synonym or pattern? An element that requires its pattern
 * is shown only by the pattern, in the text without its name and synonyms (重点政策明确 names no policy).
 */
function isSatisfied(context: CheckContext, element: ElementRule, text: string): boolean {
  if (!element.requirePattern) return named(context, element, text);
  const re = element.pattern ? context.rules.elementPatterns.get(element.pattern) : undefined;
  if (!re) return false;
  const words = [element.name, ...(element.synonyms ?? [])].filter((w) => w.length > 0);
  const unnamed = (t: string) => words.reduce((out, w) => out.split(w).join(''), t);
  return re.test(unnamed(text)) || re.test(unnamed(foldedMemo.get(text)));
}

/**
 * Section texts as the element check reads them, kept across analyses (see TextMemo): a text
 * normalised for names written in traditional characters, full-width forms or broken by
 * blanks and line breaks, and whether it names each element (`isPresent` is pure in both).
 */
const MEMO_GENERATION_CHARS = 1 << 19;
const foldedMemo = new TextMemo(normaliseWord, MEMO_GENERATION_CHARS);
const namedMemo = new TextMemo(() => new Map<ElementRule, boolean>(), MEMO_GENERATION_CHARS);

function named(context: CheckContext, element: ElementRule, text: string): boolean {
  const known = namedMemo.get(text);
  let present = known.get(element);
  if (present === undefined) {
    present = isPresent(context, element, text);
    known.set(element, present);
  }
  return present;
}

/**
 * Does the text name the element (its name, a synonym, or its pattern)? Only `rules.elementPatterns`
 * is read. Names and synonyms are compared in normalised form (實施主體 names 实施主体).
 */
export function isPresent(context: { rules: Pick<CheckContext['rules'], 'elementPatterns'> }, element: ElementRule, text: string): boolean {
  if (text.includes(element.name)) return true;
  if (element.synonyms?.some((s) => s.length > 0 && text.includes(s))) return true;
  const re = element.pattern ? context.rules.elementPatterns.get(element.pattern) : undefined;
  if (re && re.test(text)) return true;
  // Traditional characters, full-width forms, blanks or line breaks inside the words.
  const folded = foldedMemo.get(text);
  if (folded.includes(normaliseWord(element.name))) return true;
  if (element.synonyms?.some((s) => s.length > 0 && folded.includes(normaliseWord(s)))) return true;
  return re !== undefined && re.test(folded);
}

/**
 * The line that inserts an element, without its line break: a numbered item
 * (`（三）资金保障。……`) or a label line (`资金来源：……`). When the pack's skeleton
 * does not itself name the element, the name is put first, so the inserted text
 * always satisfies the check (the fix is never offered twice).
 */
export function elementLine(context: { rules: Pick<CheckContext['rules'], 'elementPatterns'> }, element: ElementRule, eol: string, marker: string): string {
  let skeleton = withEol(element.skeleton.trim(), eol);
  if (!isPresent(context, element, skeleton)) skeleton = `${element.name}：${skeleton}`;
  return `${marker}${skeleton}`;
}

/**
 * Insert the element at the end of its section (before trailing blank lines and,
 * in the last section, before the closing formalities): a numbered item after the
 * last item of the section, or a `名称：……` line.
 */
export function insertElementFix(context: CheckContext, unit: Section, element: ElementRule): Fix {
  const { doc } = context;
  const eol = doc.eol;
  // Trim back to the heading line at most: an empty section's body starts on the next heading's line.
  const end = Math.max(trimBlankEnd(doc.text, sectionInsertEnd(doc, unit), unit.heading.lineSpan.end), unit.heading.lineSpan.end);
  let marker = '';
  if ((element.insertAs ?? 'item') === 'item') {
    const style = unit.children.length > 0 ? unit.children[0].heading.style : childStyle(unit.heading.style);
    const items = unit.children.filter((s) => s.heading.style === style && s.span.start < end);
    const last = items[items.length - 1]?.heading.numberValue;
    marker = formatMarker(style, (last ?? items.length) + 1, items[0]?.heading.marker);
  }
  const line = elementLine(context, element, eol, marker);
  // Skeleton text with placeholders: an editor action the officer chooses, never applied unreviewed.
  return { title: `补充“${element.name}”`, edits: [{ start: end, end, newText: `${eol}${line}` }], safe: false, preferred: true };
}

/**
 * A section's body for inserts and skeletons: the pack's skeleton text, then each
 * element it must name that the skeleton does not already name (as a numbered item
 * or a `名称：……` line), so a fresh section raises no element/missing finding.
 * Line breaks are `\n`.
 */
export function sectionBody(rules: Pick<RuleSet, 'elementPatterns'>, rule: SectionRule): string {
  const lines = rule.skeleton.trim().split(/\r\n|\r|\n/);
  let items = lines.filter((line) => matchHeading(line)?.style === 'cn-paren').length;
  for (const element of rule.elements ?? []) {
    if (isPresent({ rules }, element, lines.join('\n'))) continue;
    const marker = (element.insertAs ?? 'item') === 'item' ? formatMarker('cn-paren', ++items) : '';
    lines.push(elementLine({ rules }, element, '\n', marker));
  }
  return lines.join('\n');
}
