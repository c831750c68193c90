/**
 * The agreement's term: from the front matter's 有效期, or from the body when the front
 * matter is silent (本协议有效期五年 / 合作期限为3年 / 有效期至2030年6月30日).
 */
import type { AgreementDocument } from '../parse';
import type { Span } from '../types';
import { addDays, addMonths, isoDate, makeDate, readNumber } from './dates';

export interface Term {
  /** Open-ended (长期, or no term at all). */
  open: boolean;
  /** The last day of the term, when it can be computed. */
  end: string | null;
  /** As written, e.g. `5年`. */
  text: string;
  /** Where it is written (the front-matter key or the body sentence). */
  span: Span;
  fromBody: boolean;
}

const YEARS = /^\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*年\s*(?:左右)?\s*$/;
const RANGE = /(\d{4})[-年](\d{1,2})[-月](\d{1,2})日?\s*至\s*(\d{4})[-年](\d{1,2})[-月](\d{1,2})日?/;
const BODY_YEARS = /(?:有效期|合作期限|协议期限|期限)(?:限)?(?:为|是|：|:)?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*年/;
const BODY_UNTIL = /有效期(?:至|到)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const BODY_OPEN = /长期有效|不约定期限|未约定期限|长期合作协议/;

export function termOf(doc: AgreementDocument): Term | null {
  const fm = doc.frontMatter;
  const value = fm.data['有效期'];
  const signed = isoDate(fm.data['签署日期']);
  const entry = fm.entries.get('有效期');
  if (typeof value === 'string' && value.trim() && entry) return fromText(value.trim(), signed, entry.keySpan, false);
  for (const sentence of doc.sentences) {
    const text = sentence.text;
    if (!/有效期|期限/.test(text)) continue;
    const until = BODY_UNTIL.exec(text);
    if (until) return { open: false, end: makeDate(Number(until[1]), Number(until[2]), Number(until[3])), text: until[0], span: sentence.span, fromBody: true };
    const range = RANGE.exec(text);
    if (range) return { open: false, end: makeDate(Number(range[4]), Number(range[5]), Number(range[6])), text: range[0], span: sentence.span, fromBody: true };
    const years = BODY_YEARS.exec(text);
    if (years) return { ...yearsTerm(years[1], signed, sentence.span), text: years[0], fromBody: true };
    if (BODY_OPEN.test(text)) return { open: true, end: null, text: '长期', span: sentence.span, fromBody: true };
  }
  return null;
}

function fromText(text: string, signed: string | null, span: Span, fromBody: boolean): Term {
  if (text === '长期') return { open: true, end: null, text, span, fromBody };
  const years = YEARS.exec(text);
  if (years) return { ...yearsTerm(years[1], signed, span), text, fromBody };
  const range = RANGE.exec(text);
  if (range) return { open: false, end: makeDate(Number(range[4]), Number(range[5]), Number(range[6])), text, span, fromBody };
  return { open: false, end: null, text, span, fromBody };
}

/** N years from signing: the term's last day is the day before the anniversary. */
function yearsTerm(n: string, signed: string | null, span: Span): Omit<Term, 'text' | 'fromBody'> {
  const count = readNumber(n);
  return { open: false, end: signed && count ? addDays(addMonths(signed, 12 * count), -1) : null, span };
}

/** The body's term as a front-matter value, for checks that read 有效期. */
export function bodyTermValue(doc: AgreementDocument): string | undefined {
  const term = termOf(doc);
  return term?.fromBody ? term.text : undefined;
}
