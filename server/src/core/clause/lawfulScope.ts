/**
 * Which clauses of a sentence lawful wording governs, and limits by the state's rules (see
 * docs/clause-model.md, 豁免). Clauses here are split at commas, colons, semicolons and
 * brackets.
 */
import type { Mention } from './language';

/**
 * Lawful wording (依法, 按国家规定, 法律法规, 经国务院批准 …) in one comma-clause governs the
 * sentence as it always did, with two exceptions where it speaks only of its own clause: a
 * main clause before the promise whose subject is the counterparty (乙方依法纳税，甲方按其留成
 * 的一半给予奖励: the company's lawful act is the basis the promise is reckoned on and leaves
 * it as it is, when the promise's clause opens with the government side; after the promise,
 * 乙方依法支付租金 states the terms and still governs), and a part set aside (甲方
 * 除依法补偿外，另按……补偿). Even there it governs when its clause holds a word of the match or
 * says the act again (…免征的登记费，乙方符合条件的由登记机构依照规定免收), when it is a
 * proviso (…，但依法履行职责的除外), when the promise is itself a condition of the clause
 * holding it (多缴税款申请退还的，由税务机关依照……办理), and when it is a condition or a time
 * before the promise (乙方依法取得施工许可后，方可开工 / 乙方符合国家规定条件的，享受……).
 */
const LAWFUL_WORDING = /依法|依规|依照|依据|法定|法律|法规|规定|国务院批准|统一政策|国家政策/;
const PROVISO = /^\s*(?:但|但是)/;
/** 除依法补偿外: set aside; 除法律法规另有规定外 defers to the law instead. */
// ……的除外 closes a proviso, not a part set aside.
const SET_ASIDE = /除(?!外)[^，,；;]*外\s*$/;
const DEFERS = /另有规定/;
/** A clause that is a condition or a time for the clause after it (乙方……的， / 如……， / ……后，). */
const SUBORDINATE_OPENING = /^\s*(?:如果|如|若|倘若|凡|对于|对|因|待|一旦)/;
const SUBORDINATE_CLOSING = /(?:的|时|之时|后|以后|之后|前|之前)\s*$/;
/** A list item's number before its clause (（二）, 2．). */
const ITEM_MARKER = /^\s*(?:[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十0-9]+[．.、])?\s*/;
const SCOPE_BREAK = /[，,：:；;（(）)]/;

function scopeStart(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) if (SCOPE_BREAK.test(text[i])) return i + 1;
  return 0;
}

function scopeEnd(text: string, index: number): number {
  for (let i = index; i < text.length; i++) if (SCOPE_BREAK.test(text[i])) return i;
  return text.length;
}

export function isLawfulWording(words: string): boolean {
  return LAWFUL_WORDING.test(words);
}

export interface LawfulScopeReader {
  /** The party whose mention opens the clause starting here (乙方依法纳税), if any. */
  openingParty(clauseStart: number): Mention | undefined;
  /** Does the head's concept occur (counting) within [from, to)? */
  headWithin(from: number, to: number): boolean;
}

/** Does lawful wording at [start, end) clear a match whose words are `slots`, with `head` its head? */
export function lawfulWordingGoverns(text: string, start: number, end: number, slots: Array<{ start: number; end: number }>, head: { start: number; end: number }, reader: LawfulScopeReader): boolean {
  const from = scopeStart(text, start);
  const to = scopeEnd(text, end);
  if (slots.some((s) => s.start < to && s.end > from)) return true;
  const clause = text.slice(from, to).replace(ITEM_MARKER, '');
  if (SET_ASIDE.test(clause) && !DEFERS.test(clause) && !PROVISO.test(clause)) return false;
  const before = to <= head.start;
  if (!before) {
    // …免征的登记费，乙方符合条件的由登记机构依照规定免收: the act said again, lawfully.
    if (reader.headWithin(from, to)) return true;
    if (PROVISO.test(clause)) return true;
    const headClause = text.slice(scopeStart(text, head.start), scopeEnd(text, head.end));
    if (SUBORDINATE_OPENING.test(headClause) || SUBORDINATE_CLOSING.test(headClause)) return true;
  }
  // 乙方依法取得施工许可后，方可开工 / 乙方符合国家规定条件的，享受……: the lawful act or the state's criteria come first and frame what follows.
  if (before && (SUBORDINATE_OPENING.test(clause) || SUBORDINATE_CLOSING.test(clause))) return true;
  // 甲方为乙方提供厂房，乙方依法支付租金: the counterparty's lawful counter-performance after the promise is part of its terms.
  if (!before) return true;
  // 乙方依法取得用地，并享受……: the same subject's chain of acts stays lawful; only a switch to the government's own promise stands apart.
  if (reader.openingParty(from)?.government !== false) return true;
  return reader.openingParty(scopeStart(text, head.start))?.government !== true;
}

/**
 * A limit by the state's rules (以国家和省统一政策为限, 按国家有关规定执行, 不超过法律法规规定的
 * 标准): after the promise, in its own clause or in the sentence that follows and refers back
 * (上述补贴以……为限), it makes the promise lawful whatever rule it breaks.
 */
const LAWFUL_LIMIT = /^\s*(?:上述|前述|以上|该|此|其|具体|相关|有关|并|均|但)?[^，,；;。]{0,8}?(?:以|按|按照|依照|依据|根据|不得超过|不超过|不高于)(?:国家|省|中央|法律|法规|行政法规|现行)[^，,；;。]{0,16}?(?:规定|政策|标准)(?:的标准|的范围|的幅度)?(?:为限|为准|执行|办理|实施)\s*[。；;]?\s*$/;

export function isLawfulLimit(clause: string): boolean {
  return LAWFUL_LIMIT.test(clause);
}

/**
 * Does the head's clause or one after it set a lawful limit on the promise? A head inside the
 * limit (上述奖励以……为限) names what is limited and promises nothing.
 */
export function lawfulLimitAfter(text: string, headStart: number): boolean {
  let from = scopeStart(text, headStart);
  while (from < text.length) {
    const to = scopeEnd(text, from);
    if (isLawfulLimit(text.slice(from, to))) return true;
    from = to + 1;
  }
  return false;
}
