/**
 * clause/land-investment — 供地面积没有投资规模可以对照.
 *
 * 河北政办〔2017〕47号 一(二)3：“土地供应面积要符合河北区建设项目用地控制指标要求，与投资规模
 * 相适应，提高投资强度和投资效益。” Whether an area fits the district's control indicators cannot be
 * read from the text (the indicators are not part of it), but an agreement that supplies, reserves or
 * plans land of a stated area and names no investment figure anywhere (总投资、固定资产投资、投资强度
 * in 万元 or 亿元) leaves nothing to compare the area with: that is reported, at the first such sentence.
 * Only for the categories of 47号 (the cooperation agreements the district government signs).
 */
import type { CheckContext } from '../context';
import { findAmounts } from '../ledger/amounts';
import type { AgreementDocument, Sentence } from '../parse';

export const id = 'clause/land-investment';

/** Land the government side supplies, reserves or a project takes up. */
const LAND = /土地|用地|地块|宗地|占地/;
const SUPPLY = /供地|供应|提供|安排|出让|划拨|预留|锁定|储备|落实|调剂|保障|用地面积|占地|用地约|用地不少于|用地不超过/;
const AREA_UNIT = /亩|公顷|平方米|㎡/;
/** An investment figure: a money amount in a sentence about investment (总投资10亿元, 投资强度不低于每亩四百万元). */
const INVESTMENT = /投资|投入|出资/;
const MONEY = /元|美元|欧元/;
/** 投资约8亿, 投资规模5000万: a sum written without 元. */
const BARE_SUM = /(投资|投入)[^。；\n]{0,16}?[0-9０-９一二三四五六七八九十两百千.．]+\s*(亿|万)(?!平方米|亩|人|吨|千瓦)/;

export function checkLandInvestment(context: CheckContext): void {
  const { category, doc, rules } = context;
  if (category?.citation.regulation !== 'hb-2017-47') return;
  const { land, investment } = readSentences(doc);
  if (!land || investment) return;
  context.report({
    rule: id,
    severity: 'warning',
    message: `协议写明了用地面积（${areaOf(land)}），但未写明项目投资规模或投资强度，无法核对供地面积是否与投资规模相适应。请写明项目总投资、固定资产投资和投资强度（万元/亩），并对照河北区建设项目用地控制指标核对供地面积。`,
    span: land.span,
    citation: rules.resolve({ regulation: 'hb-2017-47', article: '一(二)3' }),
  });
}

const isLand = (s: Sentence) => LAND.test(s.text) && SUPPLY.test(s.text) && areaOf(s) !== null;
const namesInvestment = (s: Sentence) => BARE_SUM.test(s.text) || (INVESTMENT.test(s.text) && findAmounts(s.text).some((a) => MONEY.test(a)));

/**
 * The first sentence that supplies land, and whether any sentence names an investment figure. A
 * remembered piece (see `Piece.id`) is read once: its first land sentence (by position among its
 * sentences) and whether it names an investment are kept by its id, so an edit costs one lookup
 * per piece instead of two per sentence.
 */
function readSentences(doc: AgreementDocument): { land: Sentence | undefined; investment: boolean } {
  const { sentences, pieces } = doc;
  let land: Sentence | undefined;
  let investment = false;
  let i = 0;
  const one = (s: Sentence) => {
    if (!land && byId(landMemo, s, isLand)) land = s;
    if (!investment && byId(investmentMemo, s, namesInvestment)) investment = true;
  };
  for (const piece of pieces) {
    while (i < sentences.length && sentences[i].span.start < piece.start) one(sentences[i++]);
    let end = i;
    while (end < sentences.length && sentences[end].span.start < piece.end) end++;
    if (piece.id === 0) {
      for (; i < end; i++) one(sentences[i]);
      continue;
    }
    let read = pieceMemo.get(piece.id);
    if (!read) {
      read = { land: -1, investment: false };
      for (let k = i; k < end; k++) {
        if (read.land < 0 && isLand(sentences[k])) read.land = k - i;
        if (!read.investment && namesInvestment(sentences[k])) read.investment = true;
      }
      if (pieceMemo.size >= MEMO_SIZE) pieceMemo.clear();
      pieceMemo.set(piece.id, read);
    }
    if (!land && read.land >= 0) land = sentences[i + read.land];
    if (read.investment) investment = true;
    i = end;
  }
  while (i < sentences.length) one(sentences[i++]);
  return { land, investment };
}

const pieceMemo = new Map<number, { land: number; investment: boolean }>();

/**
 * Both tests are pure in the sentence's text: in a long document re-read after an edit, a
 * sentence with an id (see `Sentence.id`, which names one text) is tested once.
 */
const landMemo = new Map<number, boolean>();
const investmentMemo = new Map<number, boolean>();
const MEMO_SIZE = 1 << 16;

function byId(memo: Map<number, boolean>, sentence: Sentence, test: (s: Sentence) => boolean): boolean {
  if (sentence.id === undefined) return test(sentence);
  let known = memo.get(sentence.id);
  if (known === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(sentence.id, (known = test(sentence)));
  }
  return known;
}

/** The first land area the sentence states (二百亩, 3万平方米), not a price per area (每亩二十万元). */
function areaOf(sentence: Sentence): string | null {
  return findAmounts(sentence.text).find((a) => AREA_UNIT.test(a) && !a.startsWith('每')) ?? null;
}
