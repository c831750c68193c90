/**
 * Commitments from the parsed document: every clause in which a party undertakes
 * something, one row per party, both sides. No word segmentation: a sentence is cut
 * at ，；： into pieces, and a piece that starts with a party (or with 由 + party)
 * opens a new commitment; pieces shaped like a condition (如……的, ……后) attach to it.
 */
import type { AgreementDocument, Piece as TextPiece, Section } from '../parse';
import type { Sentence } from '../parse';
import { findAmounts } from './amounts';
import { isoDate } from './dates';
import { commitmentIds } from './id';
import { rememberedPartyModel, type PartyMention, type PartyModel } from './partyLines';
import { findDeadline, resolveDeadline } from './timeLimits';
import type { Commitment } from './types';
import { rememberedEpoch, TextMemo } from '../textMemo';

/** Words that make a piece an undertaking. */
const UNDERTAKING =
  /承诺|负责|应当|[^相适供对反回效]应(?!用|对|急|届)|须|保证|确保|给予|予以|提供|完成|支付|缴纳|拨付|兑现|投资|投入|出资|建设|建成|设立|成立|注册|落户|迁入|协助|协调|支持|配合|办理|落实|争取|安排|引进|引入|开工|竣工|投产|达产|实现|推动|推进|组织|开展|帮助|援助|选派|派驻|接收|培训|举办|召开|制定|出台|开放|共享|承担|履行|实施|优先|同意|将[^来]|力争|加快|搭建|打造|共建|设置|招聘|吸纳|带动|捐赠|划拨|交付|移交|报送|编制|提交|保障|解决|配备|开具|购买|投保|开设|建立|响应|腾退|恢复|交还|退还|归还|实缴|缴|通报|预留|规划|入驻|免收|免费|减免|培养|核算|专款专用|递增|补偿|承继|聘请|聘用|维护|管理|运营|通知|告知|上报|备案|申报|审核|验收|评估|监督|指导|对接|招用|录用|接受|遵守|执行|承接|不以|不得|不迁|不变更|不转让|不转租|不改变|不低于|不少于|挂职|互派|赴|接待|发放|返聘|租赁|使用|改造|装修|修缮|授予|会同|招收|聘任|发布|评审|认定|遴选|推荐|列入|纳入|落地|竣工验收|入库|补足|偿还/;
/** Words that make a piece something other than a promise: a right, a description, a prohibition. */
const NOT_UNDERTAKING = /^(?:(?:牵头|联络|联系|责任|归口)(?:部门|单位|处室|人)|有权|可以|可|不(?:承担|负责|对|为|承诺|提供|再|属于|是|具备)|无权|是|系|属于|享有|享受|具备|具有|拥有|就|系)/;
/** 乙方高管个人所得税……给予奖励: the party is the beneficiary, the government acts. */
const BENEFIT = /给予|奖励|补贴|返还|补助|减免|扶持资金/;
const ACTOR_NEXT = /^(?:会同|授予|前|今后|当年|年内|将|应|须|要|负责|承诺|保证|确保|在|于|向|为|按|依|对|与|和|同|给|提供|自|可|有|不|积极|全力|协助|支持|配合|共同|加强|推动|设立|建设|投资|出资|完成|办理|落实|组织|开展|引进|争取|力争|优先|统筹|牵头|做好|每|及时|定期|依法|主动|以|把|从|通过|联合|携手|加快|发挥|鼓励|帮助|选派|接收|安排|制定|实施|开放|共享|搭建|打造|成立|注册|缴纳|支付|拨付|承担|履行|参与|吸纳|招聘|带动|保障|督促|负|做|建|设|派|接|请|同意|愿意|拟|决定|一次性|分期|分|先|再|还|并|也|均|各)/;
/** Sections whose sentences are remedies, disputes or boilerplate, not promises to track. */
const SKIP_SECTION = /目标|思路|原则|宗旨|定义|争议|附则|生效|文本|份数|法律适用|适用法律|不可抗力|其他约定|其他事项|通知与送达|送达/;
const CONDITION_START = /^(?:如果|如|若|倘若|凡|经|待|一旦|对[^，]{2,30}的[^，]{0,10}$|在[^，]{1,30}(?:前提|条件|情况)下|在[^，]{1,30}(?:后|前|期间|时))/;
const CONDITION_END = /(?:的|后|之后|以后|时|前提下|条件下|情况下)$/;
const CONNECTIVE = /^(?:同时|此外|另外|并且|并|且|另|其中|届时|对此|为此|据此|则|那么)[，,]?/;
const MARKER = /^(?:第[一二三四五六七八九十百零〇0-9]+[条章][ \t　]*|[（(][一二三四五六七八九十0-9]+[）)][ \t　]*|[一二三四五六七八九十]+[、.．][ \t　]*|[0-9]+[、.．)）][ \t　]*|[-*+][ \t]+|#+[ \t]+)/;

export interface ExtractOptions {
  /** Names the agreement in ids: the file name, when there is no 标题. */
  fallbackKey?: string;
  /**
   * Only the commitments with a due date, and no ids (left ''): what the overdue check needs
   * when no ledger file records statuses. Ids number repeated promises across all commitments,
   * so they are only given when every commitment is read.
   */
  datedOnly?: boolean;
}

export function extractCommitments(doc: AgreementDocument, options: ExtractOptions = {}): Omit<Commitment, never>[] {
  const model = rememberedPartyModel(doc);
  const signed = isoDate(doc.frontMatter.data['签署日期']);
  const drafts: Commitment[] = [];
  const memo = doc.sentences.length >= MEMO_MIN_SENTENCES ? memoized(model) : null;
  const reader: SectionReader = { doc, model, signed, datedOnly: options.datedOnly === true, read: memo ?? ((sentence, party) => readSentence(sentence, model, party)) };
  const sections = memo ? sectionMemo(reader) : null;
  let carry: Sentence | null = null;
  let piece = 0;
  // The preamble (before the first clause) states who and why; promises live in the clauses.
  for (const section of doc.allSections) {
    if (inSkippedSection(section)) continue;
    const clause = clauseNumber(section);
    const party = sectionRoles(section, model);
    while (piece < doc.pieces.length && doc.pieces[piece].end <= section.heading.lineSpan.start) piece++;
    const own: TextPiece | undefined = sections && carry === null ? ownPiece(section, doc.pieces[piece]) : undefined;
    const read: SectionReading = own ? sections!(section, own, clause, party) : readSection(reader, section, clause, party, carry, 0);
    for (const d of read.drafts) {
      if (!own) {
        // Read for this document only: the rows are its own, completed in place.
        d.range = doc.lines.rangeOf(d.span);
        d.amounts = [...d.amounts];
        drafts.push(d);
      } else {
        const span = { start: d.span.start + read.at, end: d.span.end + read.at };
        drafts.push({ ...d, span, range: doc.lines.rangeOf(span), amounts: [...d.amounts] });
      }
    }
    carry = read.carry ? { text: read.carry.text, span: { start: read.carry.span.start + read.at, end: read.carry.span.end + read.at } } : null;
  }
  if (options.datedOnly) return drafts;
  const key = documentKey(doc, options.fallbackKey);
  const ids = commitmentIds(key, drafts);
  return drafts.map((d, i) => ({ ...d, id: ids[i] }));
}

interface SectionReader {
  doc: AgreementDocument;
  model: PartyModel;
  signed: string | null;
  datedOnly: boolean;
  read: (sentence: Sentence, sectionParty: string[] | null) => SentenceReading;
}

/** A section's commitments (spans relative to `at`; `range` left for the caller) and the sentence that may run on into the next section. */
interface SectionReading {
  at: number;
  drafts: Commitment[];
  carry: Sentence | null;
}

const NO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** One section's sentences read for commitments, spans relative to `at`. */
function readSection(reader: SectionReader, section: Section, clause: string, sectionParty: string[] | null, carryIn: Sentence | null, at: number): SectionReading {
  const { doc, model, signed } = reader;
  const drafts: Commitment[] = [];
  let carry = carryIn;
  for (const clauseSentence of section.sentences) {
    let sentence = clauseSentence;
    if (FIELD_LINE.test(sentence.text.replace(MARKER, ''))) continue;
    // A sentence broken by a line end (甲方为乙方…项目贷款 / 提供连带责任担保) is read as one.
    const opensHeading = section.heading.lineSpan.start === sentence.span.start;
    if (carry && !opensHeading && carry.span.end <= sentence.span.start && /^[\r\n]+$/.test(doc.text.slice(carry.span.end, sentence.span.start))) {
      sentence = { text: doc.text.slice(carry.span.start, sentence.span.end), span: { start: carry.span.start, end: sentence.span.end } };
    }
    carry = null;
    const read = reader.read(sentence, sectionParty);
    const headingLine = sentence.span.start <= section.heading.lineSpan.start && section.heading.lineSpan.start < sentence.span.end;
    if (read.pieces.length === 0 && !headingLine && read.runsOn) carry = sentence;
    for (const [k, piece] of read.pieces.entries()) {
      const parsed = read.deadlines[k];
      const due = parsed ? resolveDeadline(parsed, signed) : null;
      if (reader.datedOnly && !due) continue;
      for (const role of piece.roles) {
        const party = model.byRole.get(role);
        drafts.push({
          id: '',
          clause,
          clauseTitle: section.name,
          span: { start: piece.span.start - at, end: piece.span.end - at },
          range: NO_RANGE,
          role,
          party: party?.name ?? role,
          side: party?.side ?? 'counterparty',
          text: piece.text,
          amounts: read.amounts[k],
          deadline: parsed?.deadline ?? null,
          due,
          condition: piece.condition,
        });
      }
    }
  }
  return { at, drafts, carry: carry && { text: carry.text, span: { start: carry.span.start - at, end: carry.span.end - at } } };
}

/**
 * The piece that holds exactly this section's own sentences (its heading line to its first
 * child or the next heading), without comments: then the section's reading is a function of
 * the piece's text and what the key names.
 */
function ownPiece(section: Section, piece: TextPiece | undefined): TextPiece | undefined {
  if (!piece || piece.hasComments || piece.start !== section.heading.lineSpan.start) return undefined;
  // The section's sentences are in text order: the first and the last bound them all.
  const sentences = section.sentences;
  if (sentences.length > 0 && (sentences[0].span.start < piece.start || sentences[sentences.length - 1].span.end > piece.end)) return undefined;
  return piece;
}

/**
 * Sections of a long document read again only when their piece changed: a section's reading is
 * pure in its piece's text (its sentences and their offsets in it), its clause number and name,
 * the party its heading names, the document's parties, the signing date (deadlines resolved
 * against it) and whether only dated promises are wanted; all of them are the key, the piece's
 * text first (the same string while the piece is unchanged). Sections entered with a sentence
 * running on from the section before are read as before.
 */
const sectionMemos = new WeakMap<object, TextMemo<Map<string, SectionReading>>>();

function sectionMemo(reader: SectionReader): (section: Section, piece: TextPiece, clause: string, party: string[] | null) => SectionReading {
  const modelKey = memoTable!;
  let memo = sectionMemos.get(modelKey);
  if (!memo) sectionMemos.set(modelKey, (memo = new TextMemo(() => new Map(), SECTION_MEMO_CHARS)));
  const table = memo;
  return (section, piece, clause, party) => {
    const key = `${reader.signed ?? ''}\u0000${reader.datedOnly ? 1 : 0}\u0000${clause}\u0000${section.name}\u0000${party ? party.join('\u0001') : ''}`;
    const byContext = piece.id !== 0 ? table.getKept(piece.text) : table.get(piece.text);
    let read = byContext.get(key);
    if (!read) byContext.set(key, (read = readSection(reader, section, clause, party, null, piece.start)));
    return { ...read, at: piece.start };
  };
}

const SECTION_MEMO_CHARS = 1 << 21;

/** What one sentence holds for the ledger: its commitments, their deadlines, and whether it runs on into the next sentence. */
interface SentenceReading {
  pieces: Piece[];
  deadlines: Array<ReturnType<typeof findDeadline>>;
  amounts: string[][];
  /** No commitment, no closing punctuation, and it starts with a party: the next line may finish it. */
  runsOn: boolean;
}

function readSentence(sentence: Sentence, model: PartyModel, sectionParty: string[] | null): SentenceReading {
  const pieces = commitmentsIn(sentence, model, sectionParty);
  return {
    pieces,
    deadlines: pieces.map((piece) => findDeadline(piece.text) ?? (piece.condition ? findDeadline(piece.condition) : null)),
    amounts: pieces.map((piece) => findAmounts(piece.text)),
    runsOn: pieces.length === 0 && !/[。；;！？!?：:）)]$/.test(sentence.text) && subjectOf(sentence.text.replace(MARKER, ''), model) !== null,
  };
}

/**
 * Re-reading a long document after an edit reads only the changed sentences: a sentence's
 * reading is a pure function of its text, the document's parties and the party its section
 * names, and moves with the sentence (spans are kept relative to its start). Two generations
 * of at most MEMO_GENERATION sentences; keys are flat copies, so no old document version is
 * kept alive. Short documents read every sentence (their analysis is already fast).
 */
const MEMO_MIN_SENTENCES = 400;
const MEMO_GENERATION = 40000;

interface ReadingMemo {
  key: string;
  /** By the section's party (roles joined; '' for none), then by sentence text. */
  current: Map<string, Map<string, SentenceReading>>;
  previous: Map<string, Map<string, SentenceReading>>;
  size: number;
}

let memoTable: ReadingMemo | null = null;

function memoized(model: PartyModel): (sentence: Sentence, sectionParty: string[] | null) => SentenceReading {
  const key = JSON.stringify([rememberedEpoch(), model.parties, model.mentions]);
  if (!memoTable || memoTable.key !== key) memoTable = { key, current: new Map(), previous: new Map(), size: 0 };
  const table = memoTable;
  return (sentence, sectionParty) => {
    const party = sectionParty ? sectionParty.join('\u0001') : '';
    let relative = table.current.get(party)?.get(sentence.text);
    if (!relative) {
      relative = table.previous.get(party)?.get(sentence.text);
      if (!relative) {
        const read = readSentence(sentence, model, sectionParty);
        relative = { ...read, pieces: read.pieces.map((p) => ({ ...p, span: { start: p.span.start - sentence.span.start, end: p.span.end - sentence.span.start } })) };
      }
      if (table.size >= MEMO_GENERATION) {
        table.previous = table.current;
        table.current = new Map();
        table.size = 0;
      }
      let byText = table.current.get(party);
      if (!byText) table.current.set(party, (byText = new Map()));
      // (' ' + text).slice(1) is a flat copy: the key must not pin the document the sentence was sliced from.
      byText.set((' ' + sentence.text).slice(1), relative);
      table.size++;
    }
    // Most sentences promise nothing: their reading needs no moving.
    if (relative.pieces.length === 0) return relative;
    const at = sentence.span.start;
    return { ...relative, pieces: relative.pieces.map((p) => ({ ...p, span: { start: p.span.start + at, end: p.span.end + at } })) };
  };
}

/** What names the agreement in ids: its 标题, else its `#` title, else the file name. */
export function documentKey(doc: AgreementDocument, fallback = ''): string {
  const title = doc.frontMatter.data['标题'];
  if (typeof title === 'string' && title.trim()) return title.trim();
  return doc.title?.text.trim() || fallback;
}

function inSkippedSection(section: Section): boolean {
  for (let s: Section | null = section; s; s = s.parent) if (SKIP_SECTION.test(s.name)) return true;
  return false;
}

/** 实施主体：… 资金来源：…: the fields of a key project describe it; nobody promises there. */
const FIELD_LINE = /^(?:实施主体|资金来源|规划选址|预期效果|建设内容|建设规模|项目名称|项目地点|开工时间|竣工时间)[：:]/;
/** 甲方的权利和义务： / 乙方承诺如下： — the party of the pieces that follow. */
const LEAD_IN = /^(.{2,20}?)(?:的)?(?:主要)?(?:权利(?:和|与|及)?)?(?:义务|责任|职责|承诺)(?:如下)?$/;

/** 二（一）1．: the numbers of the clause and its parents. */
export function clauseNumber(section: Section): string {
  const parts: string[] = [];
  for (let s: Section | null = section; s; s = s.parent) {
    const h = s.heading;
    if (h.style === 'markdown') continue;
    parts.unshift(h.style === 'cn-dun' || h.style === 'arabic' ? h.number : h.marker.trim());
  }
  return parts.join('') || section.name;
}

interface Piece {
  roles: string[];
  text: string;
  span: { start: number; end: number };
  condition: string | null;
}

/** Split one sentence into the commitments it holds. */
function commitmentsIn(sentence: Sentence, model: PartyModel, sectionParty: string[] | null): Piece[] {
  let text = sentence.text;
  let offset = sentence.span.start;
  const marker = MARKER.exec(text);
  if (marker) {
    text = text.slice(marker[0].length);
    offset += marker[0].length;
  }
  const parts = splitPieces(text, offset).map((part) => {
    const piece = part.text.replace(CONNECTIVE, '');
    return { ...part, piece, subject: subjectOf(piece, model), dated: findDeadline(part.text) !== null };
  });
  const out: Piece[] = [];
  let current: Open | null = null;
  // 甲方的权利和义务：A；B — the lead-in names the party of A and B.
  let leadIn: string[] | null = sectionParty;
  let pendingCondition: string | null = null;
  const flush = () => {
    if (current && isPromise(sentenceText(sentence, current.start, current.end), current, model)) {
      const body = sentenceText(sentence, current.start, current.end);
      out.push({ roles: current.roles, text: body, span: { start: current.start, end: current.end }, condition: current.condition });
    }
    current = null;
  };
  parts.forEach((part, i) => {
    const { piece } = part;
    const lead = LEAD_IN.exec(piece);
    const leadRoles = lead ? mentionAt(lead[1], 0, model) : null;
    if (lead && leadRoles && leadRoles.text === lead[1]) {
      flush();
      leadIn = leadRoles.roles;
      return;
    }
    const subject = part.subject ?? (leadIn && !current && !CONDITION_START.test(piece) ? leadIn : null);
    const laterSubject = parts.slice(i + 1).some((p) => p.subject);
    // 乙方项目投产后形成的增值税区级留成部分，甲方……给予: the first piece is the object, fronted.
    const next = parts[i + 1];
    if (part.subject && next?.subject && !sameRoles(part.subject, next.subject) && /的[^，的]{1,8}$/.test(piece) && !STRONG.test(piece)) {
      flush();
      return;
    }
    const conditional = CONDITION_START.test(piece) || (CONDITION_END.test(piece) && (laterSubject || !UNDERTAKING.test(stripSubject(piece, model))));
    if (conditional && (!subject || !current || laterSubject)) {
      flush();
      pendingCondition = pendingCondition ? `${pendingCondition}，${part.text}` : part.text;
      return;
    }
    const open: Open | null = current;
    if (subject && open && sameRoles(subject, open.roles) && !part.dated) {
      // 所需培训经费由河北区承担: the same party goes on with the same promise.
      open.end = part.end;
      return;
    }
    if (subject) {
      flush();
      current = { roles: subject, start: part.start, end: part.end, condition: pendingCondition, joint: subject.length > 1, dated: part.dated };
      pendingCondition = null;
    } else if (open) {
      // 开工后18个月内竣工投产: a second dated promise of the same party is a row of its own.
      if (part.dated && open.dated && UNDERTAKING.test(piece)) {
        const roles = open.roles;
        flush();
        current = { roles, start: part.start, end: part.end, condition: null, dated: true, joint: false };
        return;
      }
      open.end = part.end;
      open.dated ||= part.dated;
    }
  });
  flush();
  return out;
}

interface Open {
  roles: string[];
  start: number;
  end: number;
  condition: string | null;
  joint: boolean;
  dated: boolean;
}

const sameRoles = (a: string[], b: string[]) => a.length === b.length && a.every((r) => b.includes(r));
const RIGHT = /有权|享有|可以|可依法/;
const STRONG = /承诺|保证|负责|应当|[^相适供对反回效]应|须|确保/;

/** Is what follows the party a promise: an undertaking verb near the start, no right or description. */
function isPromise(body: string, open: Open, model: PartyModel): boolean {
  // 双方/各方 …: a joint statement of the mechanism, not one party's promise to track.
  if (open.joint) return false;
  const promise = stripSubject(body.replace(/^由/, ''), model).replace(CONNECTIVE, '');
  if (!UNDERTAKING.test(promise) || NOT_UNDERTAKING.test(promise)) return false;
  if (RIGHT.test(promise) && !STRONG.test(promise)) return false;
  // 乙方自有资金… / 河北区中山路沿线…: the party names an owner or a place, not an actor.
  return body.startsWith('由') || ACTOR_NEXT.test(promise) || UNDERTAKING.test(promise.slice(0, 4));
}

function sentenceText(sentence: Sentence, start: number, end: number): string {
  return sentence.text.slice(start - sentence.span.start, end - sentence.span.start).replace(/[。；;，,：:\s]+$/, '');
}

const OPEN = new Set([0xff08, 0x28, 0x201c, 0x300a]); // （ ( “ 《
const CLOSE = new Set([0xff09, 0x29, 0x201d, 0x300b]); // ） ) ” 》
const CUT = new Set([0xff0c, 0xff1b, 0x2c, 0x3b, 0xff1a, 0x3a]); // ， ； , ; ： :

/** Cut at ，；： outside brackets and quotation marks. */
function splitPieces(text: string, offset: number): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let depth = 0;
  let start = 0;
  const push = (from: number, to: number, cut: boolean) => {
    let s = from;
    while (s < to && /\s/.test(text[s])) s++;
    const piece = text.slice(s, to).trimEnd();
    if (piece) out.push({ text: piece, start: offset + s, end: offset + to + (cut ? 1 : 0) });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c) && depth > 0) depth--;
    else if (depth === 0 && CUT.has(c)) {
      push(start, i, true);
      start = i + 1;
    }
  }
  push(start, text.length, false);
  return out;
}

/** A section headed 甲方的权利和义务 (or 乙方的责任): its sentences without a party are that party's. */
function sectionRoles(section: Section, model: PartyModel): string[] | null {
  for (let s: Section | null = section; s; s = s.parent) {
    const roles = rolesNamed(s.name, model);
    if (roles) return roles;
  }
  return null;
}

/** The parties a section name such as 甲方的权利和义务 names, by name for each party model (a long document repeats a few hundred names on every analysis). */
const rolesByName = new WeakMap<PartyModel, Map<string, string[] | null>>();

function rolesNamed(name: string, model: PartyModel): string[] | null {
  let byName = rolesByName.get(model);
  if (!byName) rolesByName.set(model, (byName = new Map()));
  let roles = byName.get(name);
  if (roles === undefined) {
    const lead = LEAD_IN.exec(name.replace(/[：:]$/, ''));
    const m = lead ? mentionAt(lead[1], 0, model) : null;
    roles = lead && m && m.text === lead[1] ? m.roles : null;
    if (byName.size >= ROLES_BY_NAME) byName.clear();
    byName.set(name, roles);
  }
  return roles;
}

const ROLES_BY_NAME = 4096;

/** The parties a piece opens with: `甲方负责…`, `由乙方…`, `甲乙双方…`, `甲方与乙方共同…`. */
function subjectOf(piece: string, model: PartyModel): string[] | null {
  let at = 0;
  let lead = mentionAt(piece, 0, model);
  if (!lead && piece.startsWith('由')) {
    at = 1;
    lead = mentionAt(piece, 1, model);
  }
  if (!lead) {
    const by = /^[^，]{0,20}?由(?=.)/.exec(piece);
    const after = by ? mentionAt(piece, by[0].length, model) : null;
    return after && PASSIVE_VERB.test(piece.slice(by![0].length + after.text.length)) ? after.roles : null;
  }
  const rest = piece.slice(at + lead.text.length);
  const joint = /^(?:与|和|及|、)/.exec(rest);
  if (joint) {
    const second = mentionAt(rest, joint[0].length, model);
    if (second) return [...new Set([...lead.roles, ...second.roles])];
  }
  // 甲方的 / 甲方所 … is a possessive or an object, not the acting party.
  if (/^(?:的|所|之|方面)/.test(rest)) return null;
  if (!ACTOR_NEXT.test(rest) && BENEFIT.test(rest)) {
    const gov = model.parties.find((p) => p.side === 'government' && !lead!.roles.includes(p.role));
    if (gov) return [gov.role];
  }
  return lead.roles;
}

const PASSIVE_VERB = /^(?:负责|承担|提供|办理|协调|支付|出资|组织|落实|牵头|给予|安排|实施|自筹|保障|统筹)/;

function mentionAt(text: string, at: number, model: PartyModel): PartyMention | null {
  for (const m of model.mentions) if (text.startsWith(m.text, at)) return m;
  return null;
}

function stripSubject(piece: string, model: PartyModel): string {
  const m = mentionAt(piece, 0, model);
  return m ? piece.slice(m.text.length) : piece;
}
