/**
 * Chinese clause analysis without word boundaries: negation cues, quotation
 * spans, clause boundaries and the acting party. Phrase lists, not tokenizers.
 */

/** Negation cues that, before a trigger in the same clause, make the clause compliant. */
export const NEGATION_BEFORE = [
  '不得', '不设', '不含', '不提供', '不承担', '不作', '不做', '不予', '不存在', '不涉及', '不包含', '不包括',
  '不为', '不对', '不向', '不会', '不能', '不应', '不再', '不以', '不因', '不受', '不享有', '不实行', '不搞',
  '不采取', '不安排', '不给予', '不签订', '不签署', '不约定', '不写入', '不设置', '不附加', '不要求', '不出具',
  '不允许', '不准', '不可以', '不属于', '不构成', '不具有', '不具备', '不作出', '不做出', '不视为', '不接受',
  '禁止', '严禁', '杜绝', '防止', '避免', '无须', '无需', '并无', '均无', '无任何', '没有', '未约定', '未设',
  '未提供', '未作', '未包含', '未要求', '未承诺', '不另行', '非排他', '坚决不', '决不', '绝不', '一律不', '均不',
];

/** Cues right after a trigger that negate it ("排他性条款不适用", "担保一律无效"). */
export const NEGATION_AFTER = ['不得', '不予', '不适用', '不构成', '不存在', '不设', '均不', '一律不', '无效', '不成立', '不包括', '除外'];

/** Clause delimiters inside a sentence. */
const CLAUSE_BREAK = /[，,：:（(）)]/;

/** Prepositions that mark the following party as the object or beneficiary, not the actor. */
const OBJECT_MARKERS = ['向', '为', '给', '对', '与', '和', '同', '替', '帮', '跟', '及', '把', '将'];
/**
 * Verbs after which a party is the object (甲方承诺乙方…, 甲方同意乙方…). 要求 is left out
 * on purpose: in 乙方要求甲方提供担保 the party after it does act.
 */
const OBJECT_VERBS = ['承诺', '保证', '给予', '同意', '授予', '允许', '确保', '支持', '帮助', '协助', '协调', '赋予', '准许', '许可', '保障'];

/** Start of the comma-clause containing `index`. */
export function clauseStart(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) if (CLAUSE_BREAK.test(text[i])) return i + 1;
  return 0;
}

/** End of the comma-clause containing `index`. */
export function clauseEnd(text: string, index: number): number {
  for (let i = index; i < text.length; i++) if (CLAUSE_BREAK.test(text[i])) return i;
  return text.length;
}

export function negatedBefore(text: string, from: number, to: number): boolean {
  const window = text.slice(from, to);
  return NEGATION_BEFORE.some((cue) => window.includes(cue));
}

export function negatedAfter(text: string, from: number, to: number): boolean {
  const window = text.slice(from, Math.min(to, from + 12));
  return NEGATION_AFTER.some((cue) => window.includes(cue));
}

const OPEN_QUOTES: Record<string, string> = { '“': '”', '「': '」', '『': '』', '《': '》', '"': '"', '‘': '’' };

/** Spans of text inside quotation marks or 《》. */
export function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const close = OPEN_QUOTES[text[i]];
    if (!close) continue;
    const end = text.indexOf(close, i + 1);
    if (end < 0) continue;
    spans.push([i, end + 1]);
    i = end;
  }
  return spans;
}

export function insideAny(index: number, spans: Array<[number, number]>): boolean {
  return spans.some(([s, e]) => index > s && index < e);
}

export interface Mention {
  text: string;
  government: boolean;
}

/**
 * Which party acts at `index`: the nearest party mention before it that is not the
 * object of a preposition (乙方向甲方提供 → 乙方); failing that, `由X` after it.
 * Returns undefined when no party is named.
 */
export function actingParty(text: string, index: number, mentions: Mention[]): Mention | undefined {
  const found: Array<{ at: number; mention: Mention }> = [];
  const taken = new Array<boolean>(text.length).fill(false);
  for (const mention of mentions) {
    let at = text.indexOf(mention.text);
    while (at >= 0) {
      let free = true;
      for (let k = at; k < at + mention.text.length; k++) if (taken[k]) free = false;
      if (free) {
        for (let k = at; k < at + mention.text.length; k++) taken[k] = true;
        found.push({ at, mention });
      }
      at = text.indexOf(mention.text, at + 1);
    }
  }
  found.sort((a, b) => a.at - b.at);
  const before = found.filter((f) => f.at + f.mention.text.length <= index).reverse();
  for (const candidate of before) {
    const previousChar = text[candidate.at - 1] ?? '';
    if (OBJECT_MARKERS.includes(previousChar)) continue;
    const previousWord = text.slice(Math.max(0, candidate.at - 2), candidate.at);
    if (OBJECT_VERBS.includes(previousWord)) continue;
    return candidate.mention;
  }
  const after = found.find((f) => f.at >= index && text[f.at - 1] === '由');
  return after?.mention;
}
