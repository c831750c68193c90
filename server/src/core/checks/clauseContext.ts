/**
 * Where a sentence stands in the document, as the clause check needs it: a heading's own
 * title (第六章 履约担保 alone on its line, 第二条 合作期限。 before the article's text)
 * names a subject and promises nothing, so no clause rule reads it; nor does a recital, an
 * item of the list under a bare 鉴于： (the background the parties state, not what they agree).
 */
import type { AgreementDocument } from '../parse/document';
import type { Sentence } from '../parse/sentences';
import type { Span } from '../types';

/** A title longer than this, or with a comma, is a sentence that happens to follow a number (第五条 甲方应……). */
const TITLE_MAX = 20;

/** Spans of heading titles: from the line's start to the end of the name (and its 。 or ：). */
export function headingTitleSpans(doc: AgreementDocument): Span[] {
  const spans: Span[] = [];
  for (const heading of doc.headings) {
    const name = doc.text.slice(heading.nameSpan.start, heading.nameSpan.end);
    if (name.length === 0 || name.length > TITLE_MAX || /[，,；;]/.test(name)) continue;
    let end = heading.nameSpan.end;
    const rest = doc.text.slice(end, heading.lineSpan.end);
    // 第二条 合作期限。本项目……: a title, then the article's text on the same line.
    if (/^[。：:.]\s*\S/.test(rest)) end++;
    // （三）本协议的最终解释权归甲方所有。: a short item that ends its line is a clause, not a title.
    else if (rest.trim().length > 0) continue;
    spans.push({ start: heading.lineSpan.start, end });
  }
  return spans;
}

/** Is the sentence a heading's title and nothing more? `titles` sorted by start, as headingTitleSpans returns them. */
export function isHeadingTitle(sentence: Span, titles: Span[]): boolean {
  let low = 0;
  let high = titles.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const t = titles[mid];
    if (sentence.start < t.start) high = mid - 1;
    else if (sentence.start >= t.end) low = mid + 1;
    else return sentence.end <= t.end;
  }
  return false;
}

/** 鉴于： alone as the lead-in: its items are recitals. 鉴于乙方……，甲方同意…… is a clause and is read. */
const RECITALS = /^\s*鉴于\s*[：:]\s*$/;

export function isRecital(sentence: Sentence): boolean {
  return sentence.leadIn !== undefined && RECITALS.test(sentence.leadIn.text);
}

/**
 * A definition (本协议所称“保底收益”，是指…… / “特许经营”系指……) says what a word means; it
 * promises nothing, and the clause that uses the word is read on its own. A definition is one
 * term, then 是指 or 系指 (or 指 after 所称), in a sentence that holds nothing else (no ； before its end). A
 * term that names a party or a promise (甲方承诺给予乙方的补贴是指……) is no bare word being defined.
 */
const DEFINITION = /^\s*(?:[（(][一二三四五六七八九十0-9]+[）)]\s*|[0-9一二三四五六七八九十]+[．.、]\s*)?(?:(?:本(?:协议|合同|备忘录|意向书|议定书|条|款|章|节|附件)[中内]?(?:所称|所述|所指)|所称)\s*[“"「『]?[^，,；;。“”"「」『』]{1,24}[”"」』]?\s*[，,]?\s*(?:是指|系指|指的是|指)|(?:本(?:协议|合同)[中内]?的?)?[“"「『][^“”"「」『』]{1,24}[”"」』]\s*[，,]?\s*(?:是指|系指|指的是)|(?:(?!甲方|乙方|丙方|丁方|政府|承诺|保证|确保|给予)[^，,；;。“”"「」『』的]){1,10}[，,]?\s*(?:是指|系指))/;

export function isDefinition(text: string): boolean {
  return DEFINITION.test(text) && !/[；;](?!\s*$)/.test(text);
}
