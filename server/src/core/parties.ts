import { foldForMatch } from './clause/fold';

/**
 * Who signs: the parties named in front matter (甲方, 乙方, 丙方 …) or, failing that,
 * in the body's party lines (甲方：某某区人民政府; 丙方（受托方）：某某公司), and which
 * of them are the government side. A government body is recognised by its name
 * (人民政府, 管委会, 局, 委, 办, 厅, 部, 街道, 镇 …); a state-owned platform company
 * (城投, 城市建设投资, 国有资产经营 …) acts for the government.
 */
export interface Party {
  /** 甲方, 乙方, … */
  role: string;
  name: string;
  government: boolean;
}

export interface Parties {
  list: Party[];
  /** Every way the text may name a party, longest first, mapped to whether it is the government. */
  mentions: Array<{ text: string; government: boolean; company?: boolean }>;
}

export const ROLE_KEYS = ['甲方', '乙方', '丙方', '丁方', '戊方', '己方'];

const GOVERNMENT_NAME = /(人民政府|政府|管理委员会|管委会|委员会|办公室|办事处|街道|[局委办厅部处镇乡])(（[^）]*）)?$/;
const GOVERNMENT_WORD = /人民政府|管委会|管理委员会|街道办事处/;
/** Companies that act for a government: its financing platforms and state-asset operators. */
const PLATFORM_COMPANY = /城投|城市建设投资|城建投资|城市投资|国有资产(经营|管理|投资|运营)|国有资本(投资|运营)|国资(经营|运营|投资)|融资平台|平台公司/;
/** A company of a city, district, county, town or zone that invests for it (某某区城市发展投资有限公司, 某某镇资产经营有限公司). */
const LOCAL_PLATFORM = /(?:市|区|县|镇|乡|州|开发区|高新区|新区|园区)(?:政府)?(?:国有)?(?:产业投资|资产经营|投资控股|建设投资|发展投资|城市发展|城乡建设|引导基金|国有资本|交通投资|投资建设|投资开发|建设开发|城建|城发|产业发展|投资运营|国资)|政府引导基金|政府投资基金/;
/** A name that is a company's, wherever the word stands (某某区城市发展投资有限公司（区政府出资设立）). */
const COMPANY_WORD = /公司|集团|基金|融资平台/;
const COMPANY_NAME = /(公司|集团|企业|银行|大学|学院|研究院|研究所|医院|协会|商会|中心|基金会)(（[^）]*）)?$/;

export function looksLikeGovernment(name: string): boolean {
  // 管理委員會 and 管理委员会 are the same body: judge the simplified, half-width form.
  const trimmed = foldForMatch(name.trim());
  // A local platform (某某区城市建设投资集团), not a central enterprise that carries the word (中国城投建设集团).
  if ((PLATFORM_COMPANY.test(trimmed) || LOCAL_PLATFORM.test(trimmed)) && !/^中国|^中华/.test(trimmed)) return true;
  if (COMPANY_NAME.test(trimmed)) return false;
  return GOVERNMENT_NAME.test(trimmed) || GOVERNMENT_WORD.test(trimmed);
}

/** Generic words that name a government or a counterparty without its full name. */
const GENERIC_GOVERNMENT = ['政府平台公司', '平台公司', '融资平台', '区人民政府', '市人民政府', '县人民政府', '镇人民政府', '乡人民政府', '人民政府', '区政府', '市政府', '县政府', '镇政府', '乡政府', '政府方', '政府部门', '政府', '管委会', '管理委员会', '街道办事处', '区财政', '市财政', '县财政', '镇财政', '财政局', '财政部门',
  // Departments named without the party's full name (区商务局向乙方…, 由区住建委负责…).
  '发展改革委', '发展和改革委员会', '发改委', '发改局', '商务局', '商务委', '科技局', '科委', '工信局', '经信局', '经信委', '工业和信息化局',
  '住建局', '住建委', '住房和城乡建设局', '住房城乡建设局', '建设局', '自然资源局', '自然资源和规划局', '规划和自然资源局', '规划局', '国土局',
  '招商局', '投资促进局', '投促局', '国资委', '国有资产监督管理委员会', '人社局', '人力资源和社会保障局', '税务局', '机关事务管理局', '城管局',
  '交通运输局', '交通局', '水务局', '文旅局', '文化和旅游局', '教育局', '卫健委', '卫生健康委', '市场监管局', '市场监督管理局', '生态环境局',
  '农业农村局', '应急管理局', '民政局', '行政审批局', '数据局', '统计局', '园区管委会', '开发区管委会', '高新区管委会', '街道办', '乡镇政府',
  '水利局', '林业局', '能源局', '医保局', '城建局', '文广旅局', '文化广电和旅游局', '城投公司',
  // A province's departments (省发改委 is above), and the front command of paired assistance.
  '财政厅', '商务厅', '科技厅', '自然资源厅', '住房和城乡建设厅', '住建厅', '交通运输厅', '水利厅', '农业农村厅', '生态环境厅', '工业和信息化厅', '前方指挥部', '指挥部',
  // The government side named colloquially by its level (区里负责…, 镇里保证…).
  '区里', '县里', '市里', '镇里', '乡里'];
/** 贵公司、你公司: a reply letter (复函) names the company it answers so. */
const GENERIC_COUNTERPARTY = ['合作方', '投资方', '社会资本方', '企业方', '项目公司', '公司', '企业', '集团', '贵公司', '你公司', '贵集团', '你集团', '贵单位', '你单位'];

/** The generic words every document's mentions end with (after its own parties' names and roles). */
export const GENERIC_MENTIONS: ReadonlyArray<{ text: string; government: boolean }> = [
  ...GENERIC_GOVERNMENT.map((text) => ({ text, government: true })),
  ...GENERIC_COUNTERPARTY.map((text) => ({ text, government: false })),
];

/** A party line of the body: 甲方：某某区人民政府 / 丙方（受托方）: 某某有限公司（盖章）. */
const PARTY_LINE = /^[ \t\u3000>*#-]*([甲乙丙丁戊己]方)(?:[（(][^）)\n]{0,12}[）)])?[ \t\u3000]*[：:][ \t\u3000]*([^\n\r]{2,60}?)[ \t\u3000]*$/gm;
/** Words after a party's name on a signature line, not part of the name. */
const SIGNATURE_TAIL = /[（(](盖章|签章|公章|签字|签名)[）)]|[（(]?(盖章|签章)[）)]?$|[，,。；;].*$/g;

/** A party line's role and name (its signature words and blanks removed), in text order. */
export interface PartyLine {
  role: string;
  name: string;
}

/** Party lines open a document: the body's first this many characters are read. */
export const PARTY_SCOPE = 200_000;

/** Parties named in the body's party lines, for roles the front matter does not name. */
export function bodyParties(body: string, known: Set<string>): Party[] {
  return partiesOf(partyLinesIn(body.length > PARTY_SCOPE ? body.slice(0, PARTY_SCOPE) : body), known);
}

/** Every party line of the text that names someone (not 某某, XX, or under two characters). Pure in the text. */
export function partyLinesIn(text: string): PartyLine[] {
  const out: PartyLine[] = [];
  PARTY_LINE.lastIndex = 0;
  for (let m = PARTY_LINE.exec(text); m; m = PARTY_LINE.exec(text)) {
    const role = m[1];
    const name = m[2].replace(SIGNATURE_TAIL, '').replace(/[_＿…·]+/g, '').trim();
    if (name.length < 2 || /^(某某|XX|××)$/.test(name)) continue;
    out.push({ role, name });
  }
  return out;
}

/** The first line of each role not yet known names that party. */
function partiesOf(lines: PartyLine[], known: Set<string>): Party[] {
  const out: Party[] = [];
  for (const { role, name } of lines) {
    if (known.has(role)) continue;
    known.add(role);
    out.push({ role, name, government: looksLikeGovernment(name) });
  }
  return out;
}

/** `lines`: the body's party lines when the caller has read them (see `bodyPartyLines`), instead of reading `body`. */
export function identifyParties(data: Record<string, unknown>, body = '', lines?: PartyLine[]): Parties {
  const list: Party[] = [];
  for (const role of ROLE_KEYS) {
    const value = data[role];
    if (typeof value === 'string' && value.trim().length > 0) {
      list.push({ role, name: value.trim(), government: looksLikeGovernment(value) });
    }
  }
  if (lines) list.push(...partiesOf(lines, new Set(list.map((p) => p.role))));
  else if (body) list.push(...bodyParties(body, new Set(list.map((p) => p.role))));
  const mentions: Parties['mentions'] = [];
  const add = (text: string, government: boolean, company = false) => {
    if (text.length >= 2 && !mentions.some((m) => m.text === text)) mentions.push(company ? { text, government, company } : { text, government });
  };
  if (list.length === 0) {
    // Without front matter, the usual convention: 甲方 is the government.
    add('甲方', true);
    add('乙方', false);
  }
  for (const party of list) {
    const name = foldForMatch(party.name);
    const company = COMPANY_WORD.test(name);
    add(name, party.government, company);
    add(party.role, party.government, company);
  }
  for (const word of GENERIC_GOVERNMENT) add(word, true, COMPANY_WORD.test(word));
  for (const word of GENERIC_COUNTERPARTY) add(word, false);
  mentions.sort((a, b) => b.text.length - a.text.length);
  return { list, mentions };
}
