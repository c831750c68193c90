/**
 * How a clause reads, without word boundaries: negation cues, quotations that cite,
 * comma-clause boundaries and the acting party. Segmentation traps (承担保险 ⊃ 担保)
 * are data: a concept's `except` strings (rules/*.yaml).
 */

/** Negation cues that, before a trigger in the same clause, make the clause compliant. */
export const NEGATION_BEFORE = [
  '不得', '不设', '不含', '不提供', '不承担', '不作', '不做', '不予', '不存在', '不涉及', '不包含', '不包括',
  '不为', '不对', '不向', '不会', '不能', '不应', '不再', '不以', '不因', '不受', '不享有', '不实行', '不搞',
  '不采取', '不安排', '不给予', '不签订', '不签署', '不约定', '不写入', '不设置', '不附加', '不要求', '不出具',
  '不允许', '不准', '不可以', '不属于', '不构成', '不具有', '不具备', '不作出', '不做出', '不视为', '不接受',
  '禁止', '严禁', '杜绝', '防止', '避免', '无须', '无需', '并无', '均无', '无任何', '没有', '未约定', '未设',
  '未提供', '未作', '未包含', '未要求', '未承诺', '不另行', '非排他', '坚决不', '决不', '绝不', '一律不', '均不',
  // 不由乙方垫资; 不引进高耗能项目; 不承接落后产能.
  '不由', '不引进', '不引入', '不新上', '不上马', '不承接', '不支持', '不新建', '不在',
  '不使用', '不采用', '不建设', '不实行', '不安排', '不实施', '不履行',
  // 不将注册地迁移作为条件; 不把……列为前提; 不直接授予; 不作为享受政策的条件.
  '不将', '不把', '不直接', '不作为', '不列为', '不用于', '不再以', '不经', '未经', '不授予', '不赋予', '不与', '不承诺', '不保证', '不参与',
  // 不当然由重组后主体承继: the succession is denied, not promised.
  '不当然',
  // A refused act, its verb after 不: 甲方不就乙方的债务提供保证; 管委会不同意乙方自建燃煤锅炉; 不进行试生产;
  // 乙方不进场施工; 不转移落后产能; 不从事印染生产; 园区不接收淘汰类工艺; 不建立指标交易机制; 甲方不据此给予奖励;
  // 甲方不保留单方变更的权利; 双方不合作建设产能过剩项目; 园区不接纳高耗能项目入园.
  '不就', '不同意', '不进行', '不开展', '不进场', '不转移', '不从事', '不接收', '不建立', '不据此', '不保留', '不合作', '不接纳',
  // A refused manner or a refused automatic effect: 甲方不按投资额的倍数支付补偿; 特许经营权不自动续期.
  '不按', '不自动',
  // 毋须另行与甲方协商: the written form of 无须.
  '毋须', '毋需',
  // 甲方不负有任何代偿义务; 不支付任何固定回报; 不从国资中心名下房产中调剂; 不根据项目进展酌情给予.
  '不负有', '不负', '不支付', '不从', '不根据', '不依据',
  // 不自行设定收费优惠.
  '不自行',
  // 乙方未在本区注册的，亦可享受: the tie not made.
  '未在',
  // 甲方不收取任何形式的土地定金: a payment not taken (a waived fee names its own words: 免收, 不收取…费 as a slot that is not negatable).
  '不收取',
];

/** Cues right after a trigger that negate it ("排他性条款不适用", "担保一律无效", "与是否迁入本区无关"). */
export const NEGATION_AFTER = ['不予', '不适用', '不构成', '不存在', '不设', '均不', '一律不', '无效', '不成立', '不包括', '除外', '无关'];

/** Clause delimiters inside a sentence. */
const CLAUSE_BREAK = /[，,：:（(）)]/;

/** Prepositions that mark the following party as the object or beneficiary, not the actor. */
// 在乙方退出时 / 视乙方经营情况 / 甲方就乙方的合同提供担保: a party after 在, 视, 据 or 就 is not the one acting.
const OBJECT_MARKERS = ['在', '视', '据', '就', '向', '为', '给', '对', '与', '和', '同', '替', '代', '帮', '跟', '及', '把', '将', '按', '交', '供', '归', '让', '付', '使'];
/**
 * Verbs after which a party is the object (甲方承诺乙方…, 甲方同意乙方…). 要求 is left out
 * on purpose: in 乙方要求甲方提供担保 the party after it does act.
 */
const OBJECT_VERBS = ['通知', '告知', '承诺', '保证', '给予', '同意', '授予', '允许', '确保', '支持', '帮助', '协助', '协调', '赋予', '准许', '许可', '保障', '承担', '赔偿', '补偿'];

/**
 * Generic words (公司, 企业, 政府 …) name a party only as a subject. Inside a noun phrase
 * (企业债券, 龙头企业的贷款, 平台公司名义, 政府投资项目) they are not the actor, so a generic
 * mention counts only when the next character can follow a subject: a verb, a preposition,
 * an adverb or punctuation.
 */
const GENERIC_MENTIONS = new Set(['公司', '企业', '集团', '项目公司', '政府', '区政府', '市政府', '县政府', '人民政府', '政府部门']);
/** Before a generic company word: a government-owned platform (区属平台公司, 国有平台公司, 城投公司). */
const PUBLIC_COMPANY = /(平台|区属|市属|县属|城投)[^，,；;。]{0,4}$/;
/**
 * A party followed by a short verb and 的 (乙方使用的厂房, 乙方应缴的规费, 乙方入驻的载体) is
 * inside a noun phrase, not the actor of what follows.
 */
const RELATIVE_CLAUSE = /^[^，,；;。：:的将把向为给对由与和及]{1,5}的(?![话，,；;。：:])/;
const AFTER_SUBJECT = '向为以应须将对在与和及同自可不已未提承负按依根出给把由经拟愿确保如若均亦也还再另先即则就共需要能会并予，,、；;。：:（(';

/** Start of the comma-clause containing `index` (looking back at most `reach` characters). */
export function clauseStart(text: string, index: number, reach = Infinity): number {
  const stop = Math.max(0, index - reach);
  for (let i = index - 1; i >= stop; i--) if (CLAUSE_BREAK.test(text[i])) return i + 1;
  return stop;
}

/** End of the comma-clause containing `index` (looking ahead at most `reach` characters). */
export function clauseEnd(text: string, index: number, reach = Infinity): number {
  const stop = Math.min(text.length, index + reach);
  for (let i = index; i < stop; i++) if (CLAUSE_BREAK.test(text[i])) return i;
  return stop;
}

/** A clause opening with 否则 states a consequence: 否则不予奖励 does not negate the condition it follows. */
const CONSEQUENCE = /^\s*(否则|不然)/;

/** Quoted words (a cited rule's 不得, a slogan) negate nothing outside the quotation. */
const QUOTED = /“[^”]*”|「[^」]*」|『[^』]*』|《[^》]*》/g;

/**
 * A weak negator before a procedure or a payment (不经招标, 无需等待许可, 不予收取, 不再缴纳)
 * is itself the risk: it negates the procedure it names, not the rest of the clause.
 */
const WAIVING = ['不予', '不再', '无需', '无须', '不需', '不用', '不必', '免予', '免于', '不经', '未经'];
const PROCEDURE = /^(?:进行|履行|通过|经过|等待|等到|经|待|重新|另行)?(?:公开|收取|缴纳|交纳|征收|计收|招标|招投标|竞争|竞价|遴选|审批|批准|许可|挂牌|拍卖|评估|程序|等待|办理|审查|审核|验收|核准|备案|审定|核定)/;

/** A fee, a rent or a price named in the rest of the clause. */
const CHARGE = /^[^，,；;。]*?(?:费|租|价款|对价)/;

/** 不收取任何行政事业性收费, 不收取租金: a charge waived is the risk, not a negation of it (`after`: the text after the cue). */
const WAIVES_CHARGE = '不收取';

function waivedCharge(cue: string, after: () => string): boolean {
  return cue === WAIVES_CHARGE && CHARGE.test(after());
}

/**
 * A negation inside a modifier ends with it: in 不能兑付的部分由甲方补足 or 乙方不能按期还款时由甲方
 * 代偿, 不能 negates 兑付 / 还款 (the noun phrase or the time clause that is the topic), and a new
 * agent (由X) acts on what follows. `rest` is the text from the cue's end to the occurrence.
 */
const MODIFIER_THEN_AGENT = /(?:的|时|之时)[^，,；;。的]{0,8}?由(?![于此])/;
/** 甲方不得在项目竣工时由乙方直接运营: a negation that opens a time adverbial (在/于/自/从……时) governs the whole predicate. */
const TIME_ADVERBIAL = /^\s*(?:在|于|自|从|待|到)/;

export function negationClosedBefore(rest: string): boolean {
  if (TIME_ADVERBIAL.test(rest)) return false;
  const m = MODIFIER_THEN_AGENT.exec(rest);
  if (!m) return false;
  // 交由、转由、划由: the thing is handed over, 由 names the receiver, not a new agent.
  const by = m.index + m[0].length - 1;
  return !'交转划理自为缘事'.includes(rest[by - 1] ?? '');
}

/** NEGATION_BEFORE by first code unit: a window is read once, trying only the cues that start where they could. */
export const CUES_BY_FIRST_UNIT = new Map<number, string[]>();
for (const cue of new Set(NEGATION_BEFORE)) {
  const list = CUES_BY_FIRST_UNIT.get(cue.charCodeAt(0));
  if (list) list.push(cue);
  else CUES_BY_FIRST_UNIT.set(cue.charCodeAt(0), [cue]);
}

/** Does a cue of NEGATION_BEFORE occur in `text[from, to)` (quotations aside) and negate what follows it? */
export function negatedBefore(text: string, from: number, to: number): boolean {
  let window = text.slice(from, to);
  if (CONSEQUENCE.test(window)) return false;
  if (/[“「『《]/.test(window)) window = window.replace(QUOTED, '');
  for (let at = 0; at < window.length; at++) {
    const cues = CUES_BY_FIRST_UNIT.get(window.charCodeAt(at));
    if (cues === undefined) continue;
    for (const cue of cues) {
      if (!window.startsWith(cue, at)) continue;
      const rest = window.slice(at + cue.length);
      if (negationClosedBefore(rest)) continue;
      // The charge may stand after the words negated (不收取乙方的城市基础设施配套费: the fee is the occurrence).
      if (waivedCharge(cue, () => rest + text.slice(to))) continue;
      if (!WAIVING.includes(cue)) return true;
      // The procedure itself is negated (不经公开招标 does not exempt as 公开招标); what follows it is not.
      if (!PROCEDURE.test(rest)) return true;
    }
  }
  return false;
}

/** Does the gap inside a matched term (its text between the first and the last literal) hold a negation of what follows? */
export function gapHoldsNegation(gap: string): boolean {
  return negatedBefore(gap, 0, gap.length);
}

/**
 * A negation cue that runs into the word (无须 + 须在: 外地企业无须在本市设立分支机构) negates it as
 * one standing before it would.
 */
export function cueRunsInto(text: string, start: number): boolean {
  // 一律不予收取, 均不主张: a word that opens with its own negation is what the cue says, not what it denies.
  if ('不未无免非'.includes(text[start] ?? '')) return false;
  for (let at = Math.max(0, start - 3); at < start; at++) {
    const cues = CUES_BY_FIRST_UNIT.get(text.charCodeAt(at));
    if (cues === undefined) continue;
    for (const cue of cues) if (at + cue.length > start && text.startsWith(cue, at) && !waivedCharge(cue, () => text.slice(at + cue.length))) return true;
  }
  return false;
}

/**
 * A negated manner or condition, its own comma-clause before the predicate, governs the
 * clause after it: 甲方不以回购、差额补足等任何方式，为乙方提供保本安排; 甲方不以投资为条件，
 * 将工程直接交由乙方承担. `from` is the start of the occurrence's clause.
 */
const NEGATED_ADVERBIAL = /(?:不得?|严禁|禁止|杜绝)(?:以|通过|采取|采用)[^，,；;。]*?(?:方式|形式|名义|手段|途径|为条件|为前提|作为条件|作为前提|为依据|为由|为理由|为借口)\s*$/;

export function negatedByLeadClause(text: string, from: number): boolean {
  if (from < 1 || (text[from - 1] !== '，' && text[from - 1] !== ',')) return false;
  const lead = text.slice(clauseStart(text, from - 1), from - 1);
  if (/[“「『《]/.test(lead)) return NEGATED_ADVERBIAL.test(lead.replace(QUOTED, ''));
  return NEGATED_ADVERBIAL.test(lead);
}

/**
 * A promise or a clause refused: 甲方不作出暂缓执法或者免于处罚的承诺, 甲方亦不作任何不予查处的承诺,
 * 本协议不设置政府方单方收回特许经营权而免于补偿的条款. What a slot names as the risk (a waiver, a
 * non-enforcement) is the content of a promise or a clause the agreement refuses to make: a refusal
 * cue opens the clause's predicate at or before the words, and the promise (or 的条款) closes soon
 * after them.
 */
const REFUSING = /(?:不作出|不做出|不作|不做|不出具|不给予|不得作出|不予作出|不设置|不约定|不写入)(?:任何)?/g;
const PROMISE_AFTER = /^[^，,；;。：:]{0,6}?(?:的)?(?:承诺|保证|许诺|表态)|^[^，,；;。：:]{0,16}?的条款/;

export function refusedPromise(text: string, start: number, end: number): boolean {
  if (!PROMISE_AFTER.test(text.slice(end, clauseEnd(text, end, 20)))) return false;
  const from = clauseStart(text, start, 40);
  REFUSING.lastIndex = 0;
  const window = text.slice(from, start + 3);
  for (let m = REFUSING.exec(window); m; m = REFUSING.exec(window)) if (from + m.index <= start) return true;
  return false;
}

/**
 * A lead clause that names the rule followed (按照国家关于规范税收等优惠政策的要求，…; 根据财预〔2017〕50号
 * 文件关于规范融资担保行为的规定，…) restates the rule's subject: its words promise nothing.
 */
const CITED_RULE = /^\s*(?:按照|根据|依照|依据|遵照|贯彻|落实)[^，,；;。]*?(?:关于|有关)[^，,；;。]*(?:的要求|的规定|的精神|要求|规定|精神)\s*$/;

export function inCitedRule(text: string, index: number): boolean {
  const from = clauseStart(text, index, 80);
  const to = clauseEnd(text, index, 80);
  if (text[to] !== '，' && text[to] !== ',') return false;
  return CITED_RULE.test(text.slice(from, to));
}

/**
 * An earlier agreement's term named to repeal or replace it (原协议中关于乙方独家经营……的约定自本补充协议
 * 生效之日起废止; 原协议中的燃煤焦化项目变更为……): the words between 原协议 and the repealing verb are
 * what is taken away, when all stand in one comma-clause. What it is replaced by comes after the verb
 * and is read as usual; 原协议中……的事项，未经……签批的，不再执行 (a term dropped on a condition) is no repeal.
 */
const EARLIER_AGREEMENT = /原(?:协议|合同|约定|条款|框架协议|投资协议)/;
const REPEALED = /^[^，,。；;！!？?]{0,40}?(?:废止|删除|删去|作废|不再执行|停止执行|终止执行|失效|变更为|调整为|修改为|替换为)/;

/** 删除原协议第十一条关于……的约定: the repealing verb before the earlier term. */
const REPEALING_BEFORE = /(?:废止|删除|删去|取消|撤销)$/;

export function repealedTerm(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const at = before.search(EARLIER_AGREEMENT);
  // 原协议 and the repealing verb in the occurrence's own comma-clause.
  if (at < 0 || /[，,。；;！!？?]/.test(before.slice(at))) return false;
  if (REPEALING_BEFORE.test(before.slice(0, at))) return true;
  return REPEALED.test(text.slice(end));
}

/**
 * A request turned down (会议纪要：企业提出的以迁入注册地换取专项奖励的方案……会议决定不予采纳; 乙方要求县政府出具
 * 还款承诺函一事，会议明确不予出具): the risky words are what was asked for and refused, not what is agreed. The
 * request is named before the words, the refusal after them, in the same sentence.
 */
const REQUEST = /提出|申请|要求|请求|诉求|来函|提议/;
const REFUSAL = /不予(?:同意|支持|采纳|批准|出具|备案|考虑|认可|受理|办理)|不同意|予以拒绝|未予同意|不能同意|难以同意/;
const REQUEST_REACH = 60;

/** Does the text name a request at all? Most sentences do not, and need no closer look. */
export function namesRequest(text: string): boolean {
  return REQUEST.test(text);
}

export function refusedRequest(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - REQUEST_REACH);
  const stop = text.slice(from, start).search(/[。；;！!？?][^。；;！!？?]*$/);
  const before = stop < 0 ? text.slice(from, start) : text.slice(from + stop + 1, start);
  if (!REQUEST.test(before)) return false;
  // 会议不予支持: the refusal's own word (支持) is no benefit either.
  const around = REFUSAL.exec(text.slice(Math.max(0, start - 3), end));
  if (around && around.index + around[0].length >= end - Math.max(0, start - 3)) return true;
  return REFUSAL.test(untilSentenceEnd(text, end, REQUEST_REACH));
}

/** The text from `from` to the end of its sentence, at most `reach` characters. */
function untilSentenceEnd(text: string, from: number, reach: number): string {
  const rest = text.slice(from, Math.min(text.length, from + reach));
  const stop = rest.search(/[。；;！!？?]/);
  return stop < 0 ? rest : rest.slice(0, stop);
}

/** A clause that states a condition: 如/若/凡 …, or …的 / …时 before the comma. */
const CONDITION_OPENING = /^\s*(如果|如|若|倘若|假如|一旦|凡是|凡)/;
const CONDITION_CLOSING = /(的|时|之时|的话)\s*$/;
/** A consequence that takes a benefit away: 乙方未在本区注册的，不予奖励 / 甲方有权收回补贴. */
const DEPRIVATION = /不予|不得享受|不享受|不再享受|不能享受|无权享受|取消|收回|追回|退还|返还已|停止拨付|停止兑现|不兑现|不再给予|不给予|不再兑现|扣回|扣减/;

/**
 * A negation inside a condition whose consequence withdraws a benefit is not a negation
 * of the rule's slot but the rule itself put the other way round: 乙方不将注册地迁入本区的，
 * 甲方不予奖励 conditions the reward on moving in. `from`/`to` bound the occurrence's clause.
 */
export function conditionWithDrawback(text: string, from: number, to: number): boolean {
  const clause = text.slice(from, to);
  if (!CONDITION_OPENING.test(clause) && !CONDITION_CLOSING.test(clause)) return false;
  if (text[to] !== '，' && text[to] !== ',') return false;
  const next = text.slice(to + 1, clauseEnd(text, to + 1, 40));
  return DEPRIVATION.test(next);
}

/**
 * What the sentence says follows when the condition is met is a sanction on whoever did it: the
 * liability borne by the doer, enforcement, a contract ended or money taken back. 乙方擅自在取得
 * 许可前施工的，由此产生的行政处罚……均由乙方自行承担 deters the risky act; it promises nothing.
 */
const SANCTION = /自行承担|自行负担|自负|依法(?:予以)?(?:查处|处罚|处理|追究)|追究其|承担(?:相应的?)?(?:违约|法律)责任|支付违约金|有权(?:单方)?(?:解除|收回|追回|终止|取消)|责令/;
const SANCTION_REACH = 60;

export function sanctionedCondition(text: string, from: number, to: number): boolean {
  if (text[to] !== '，' && text[to] !== ',') return false;
  const clause = text.slice(from, to);
  if (!CONDITION_OPENING.test(clause) && !CONDITION_CLOSING.test(clause)) return false;
  const consequence = untilSentenceEnd(text, to + 1, SANCTION_REACH);
  // 不予处罚, 不追究: a sanction waived is the risk, not a deterrent.
  const m = SANCTION.exec(consequence);
  return m !== null && !negatedBefore(consequence, clauseStart(consequence, m.index), m.index);
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
    const c = text.charCodeAt(i);
    // “ 「 『 《 " ‘ — compare codes first; most characters are none of these.
    if (c !== 0x201c && c !== 0x300c && c !== 0x300e && c !== 0x300a && c !== 34 && c !== 0x2018) continue;
    const close = OPEN_QUOTES[text[i]];
    const end = text.indexOf(close, i + 1);
    if (end < 0) continue;
    spans.push([i, end + 1]);
    i = end;
  }
  return spans;
}

/** Words before a quotation that make it a citation of a rule or a draft, not emphasis. */
// 按照/根据/坚持 before a short slogan apply the practice it names (按照“一企一策”原则确定补贴), so they are no cue.
const CITING_BEFORE = /(规定|要求|明确|指出|提出|强调|写明|所称|禁止|严禁|不得|不能|原稿|删除|删去|表述|文件|精神|条款|避免|杜绝|防止|不设|不含|不搞|协议中|合同中|文本中|原文)[^。；;]{0,8}$/;
/** Cues that cite only right before the quotation (使用“一事一议”字样, not 土地使用权……以“零对价”方式). */
const CITING_RIGHT_BEFORE = /(含有|出现|载有|使用|提到|所谓|关于|即)(了|的|过)?$/;
/** Words after a quotation that make it a citation (……”的表述, ……”等字样). */
const CITING_AFTER = /^(的表述|的内容|的规定|的要求|的说法|的字样|等字样|字样|等表述|等内容|等规定|的条款|条款|的精神|精神|一词|的提法|的情形|等情形)/;

/** 原协议第五条“……”修改为“……”, 竞买人资格设定为“……”: the quotation after the amending or setting verb is what is agreed now. */
const AMENDED_TO = /(?:修改为|调整为|变更为|修订为|修正为|改为|替换为|更改为|设定为|设置为|约定为|明确为)[：:]?\s*$/;

/**
 * Quotations that cite (a regulation's words, a draft's wording, a title in 《》), as
 * opposed to quotation marks for emphasis around a short term (实行“先征后返”).
 */
export function citationSpans(text: string): Array<[number, number]> {
  return quotedSpans(text).filter(([s, e]) => {
    if (text[s] === '《') return true;
    if (AMENDED_TO.test(text.slice(Math.max(0, s - 6), s))) return false;
    if (e - s - 2 >= 10) return true;
    const before = text.slice(Math.max(0, s - 12), s);
    if (CITING_RIGHT_BEFORE.test(before) || CITING_AFTER.test(text.slice(e, e + 4))) return true;
    return CITING_BEFORE.test(before);
  });
}

/** Is `index` strictly inside one of `spans`? The spans are sorted and disjoint (as quotedSpans returns them). */
export function insideAny(index: number, spans: Array<[number, number]>): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [s, e] = spans[mid];
    if (index <= s) high = mid - 1;
    else if (index >= e) low = mid + 1;
    else return true;
  }
  return false;
}

export interface Mention {
  text: string;
  government: boolean;
  /** A party named as a company (有限公司, 集团, 基金): on the government side, a state-owned vehicle rather than a government body. */
  company?: boolean;
}

/**
 * Which party acts at `index`: the nearest party mention before it that is not the
 * object of a preposition (乙方向甲方提供 → 乙方); failing that, `由X` after it.
 * Returns undefined when no party is named.
 */
export function actingParty(text: string, index: number, mentions: Mention[], found = partyMentions(text, mentions), headEnd = index): Mention | undefined {
  // A head that opens with a party ({政府方}出资比例) names its own actor.
  const own = found.find((f) => f.at === index);
  if (own) return own.mention;
  const agent = agentBefore(text, index, found, headEnd);
  if (agent) return agent;
  const before = found.filter((f) => f.at + f.mention.text.length <= index).reverse();
  for (const candidate of before) {
    const previousChar = text[candidate.at - 1] ?? '';
    if (OBJECT_MARKERS.includes(previousChar)) continue;
    // 知悉的甲方商业秘密: a party after 的 is inside a noun phrase.
    if (previousChar === '的') continue;
    // 交由乙方使用 / 转由乙方经营: 乙方 receives.
    if (previousChar === '由' && '交转划'.includes(text[candidate.at - 2] ?? '')) continue;
    const previousWord = text.slice(Math.max(0, candidate.at - 2), candidate.at);
    if (OBJECT_VERBS.includes(previousWord)) continue;
    const after = candidate.at + candidate.mention.text.length;
    const tail = text.slice(after, Math.min(index, after + 7));
    if (RELATIVE_CLAUSE.test(tail)) continue;
    if (GENERIC_MENTIONS.has(candidate.mention.text)) {
      const next = text[candidate.at + candidate.mention.text.length] ?? '，';
      if (!AFTER_SUBJECT.includes(next)) continue;
      // 区属平台公司、国有平台公司、城投公司 act for the government (财预〔2017〕50号).
      if (!candidate.mention.government && PUBLIC_COMPANY.test(text.slice(Math.max(0, candidate.at - 6), candidate.at))) {
        return { text: candidate.mention.text, government: true, company: true };
      }
    }
    return candidate.mention;
  }
  // 由乙方负责 names the actor; 交由乙方使用 (转由, 划由) names who receives.
  const after = found.find((f) => f.at >= index && text[f.at - 1] === '由' && !'交转划'.includes(text[f.at - 2] ?? ''));
  return after?.mention;
}

/**
 * Every party mention in the text, longest mention first at each place, in text order.
 * `positions`: where each mention occurs (by index in `mentions`, ascending), when the caller has them.
 */
export function partyMentions(text: string, mentions: Mention[], positions?: number[][]): Array<{ at: number; mention: Mention }> {
  const found: Array<{ at: number; mention: Mention }> = [];
  const taken = new Array<boolean>(text.length).fill(false);
  const place = (at: number, mention: Mention) => {
    for (let k = at; k < at + mention.text.length; k++) if (taken[k]) return;
    for (let k = at; k < at + mention.text.length; k++) taken[k] = true;
    found.push({ at, mention });
  };
  mentions.forEach((mention, i) => {
    if (positions) for (const at of positions[i]) place(at, mention);
    else for (let at = text.indexOf(mention.text); at >= 0; at = text.indexOf(mention.text, at + 1)) place(at, mention);
  });
  found.sort((a, b) => a.at - b.at);
  return found;
}

/** A government body named without its full name: 区财政, 市政府, 区住建委, 管委会 …. */
/** 仅由乙方、只由乙方: the party after 由 is the one chosen as the sole provider. */
const SOLE_BEFORE = '仅只';

const GOVERNMENT_AGENT = /^(?:[区市县省州]级?)?(?:人民政府|政府|财政|管委会|管理委员会)|^[区市县][^，,；;。]{0,6}?(?:局|委员会|委|办公室)/;

/**
 * `由X` in the trigger's own comma-clause names the actor, before or after the trigger
 * (乙方逾期的，由区财政代为清偿 → 区财政; 用房由甲方免费提供 → 甲方; 担保责任由乙方承担 → 乙方).
 * The 由 nearest before the trigger wins, else the first after it. 由于 (because),
 * 由此 (thereby), 理由/自由/为由 and 交由 (handed to) are not agent markers, nor is 仅由/只由/统一由 inside the
 * head's own words (仅由乙方一家开发: 乙方 is the one chosen, not the one choosing).
 */
function agentBefore(text: string, index: number, found: Array<{ at: number; mention: Mention }>, headEnd = index): Mention | undefined {
  const from = clauseStart(text, index);
  const to = clauseEnd(text, index);
  // 交由乙方经营: 乙方 receives; the giver (甲方将……交由) is the actor.
  const isAgentMarker = (i: number) => text[i] === '由' && text[i + 1] !== '于' && text[i + 1] !== '此' && !'理自为缘事交'.includes(text[i - 1] ?? '');
  let at = -1;
  for (let i = Math.min(index, to - 1); i >= from; i--) if (isAgentMarker(i)) { at = i; break; }
  const soleChoice = (i: number) => i < headEnd && (SOLE_BEFORE.includes(text[i - 1] ?? '') || text.slice(i - 2, i) === '统一');
  if (at < 0) for (let i = index + 1; i < to; i++) if (isAgentMarker(i) && !soleChoice(i)) { at = i; break; }
  if (at < 0) return undefined;
  const named = found.find((f) => f.at === at + 1);
  // 由甲方推荐的企业先行投入: the party qualifies the agent (a relative clause); the party named after 的 acts.
  const afterNamed = at + 1 + (named?.mention.text.length ?? 0);
  const relative = named ? RELATIVE_CLAUSE.exec(text.slice(afterNamed, to)) : null;
  if (named && relative) {
    // The agent noun follows 的 closely (推荐的企业, 指定的平台公司), with no party in the relative clause itself.
    const de = afterNamed + relative[0].length;
    const head = found.find((f) => f.at > named.at && f.at < to);
    if (head && head.at >= de && head.at <= de + 2) {
      const publicCompany = !head.mention.government && PUBLIC_COMPANY.test(text.slice(Math.max(0, head.at - 6), head.at));
      return publicCompany ? { text: head.mention.text, government: true, company: true } : head.mention;
    }
  }
  if (named) return named.mention;
  const words = text.slice(at + 1, to);
  if (GOVERNMENT_AGENT.test(words)) return { text: words, government: true };
  return undefined;
}
