/**
 * Front-matter values a Word draft states in its own words: 标题 (the title paragraph),
 * 甲方/乙方/丙方… (party lines such as 甲方：某某人民政府), 文种 (the title's words), 签署日期
 * (a date written 2026年1月10日 on a 签署日期 line or alone in the closing block), and 类别
 * only where the title or the counterparty says it outright. Nothing is guessed: a value
 * the text does not state stays absent and the checks report it missing.
 */
import { parseChineseNumber } from '../../core/parse/numerals';
import { looksLikeGovernment, ROLE_KEYS } from '../../core/parties';

export interface InferenceInput {
  title: string | null;
  /** Body paragraphs in order (title excluded), as the officer sees them. */
  paragraphs: string[];
}

const PARTY_LINE = new RegExp(`^[\\s\\u3000]*(${ROLE_KEYS.map((r) => r[0]).join('|')})\\s*方(?:名称|全称)?(?:[（(][^）)]{0,12}[）)])?[\\s\\u3000]*[：:][\\s\\u3000]*(.*)$`);

/** 甲方：X（以下简称“甲方”） → X; '' for a signature line left blank. */
function partyName(raw: string): string {
  return raw
    .replace(/[（(]\s*(以下|下称|简称)[^）)]*[）)]/g, '')
    .replace(/[\s\u3000]*(?:[（(]?(?:盖章|签章|签字|公章)[）)]?)[\s\u3000]*$/, '')
    .replace(/[_＿]{2,}.*$/, '')
    .replace(/[。；;，,\s\u3000]+$/, '')
    .trim();
}

export function inferParties(paragraphs: readonly string[]): Record<string, string> {
  const parties: Record<string, string> = {};
  for (const text of paragraphs) {
    const m = PARTY_LINE.exec(text);
    if (!m) continue;
    const role = `${m[1]}方`;
    const name = partyName(m[2]);
    // A name is a name: not a clause (甲方：负责…) and not a placeholder.
    if (parties[role] || name.length < 2 || name.length > 60 || /[。；]/.test(name) || /^(负责|应当|承诺|同意|须|将|在|按|对|为|依)/.test(name) || /[（(]?(写明|填写|待定)|某某|XX|xx|×/.test(name)) continue;
    parties[role] = name;
  }
  return parties;
}

const DOC_TYPES: Array<[RegExp, string]> = [
  [/议定书$/, '议定书'],
  [/意向书$/, '意向书'],
  [/备忘录$/, '备忘录'],
  [/宣言$/, '宣言'],
  [/(实施)?方案$/, '实施方案'],
  [/合同(书)?$/, '合同'],
  [/协议(书)?$/, '协议书'],
];

export function inferDocType(title: string): string | null {
  const trimmed = title.replace(/[（(][^）)]*[）)]$/, '').replace(/[\s\u3000]+$/, '');
  for (const [re, type] of DOC_TYPES) if (re.test(trimmed)) return type;
  return null;
}

/** A ministry or commission of the State Council: named 国家…, 中华人民共和国…, or …部 with no place before it. */
function isCentralMinistry(name: string): boolean {
  if (/(公司|集团|企业|银行|大学|学院|研究院|研究所|医院|协会|商会|中心|基金会)([（(][^）)]*[）)])?$/.test(name) || /人民政府/.test(name)) return false;
  if (/^(中华人民共和国|国家)/.test(name)) return true;
  return /^[^省市区县州盟旗乡镇]{2,12}部([^省市区县]{1,8}[司局])?$/.test(name);
}

export function inferCategory(title: string | null, docType: string | null, parties: Record<string, string>): string | null {
  const t = title ?? '';
  if (/对口帮扶/.test(t)) return '对口帮扶';
  if (/对口合作/.test(t)) return '对口合作';
  if (/友好城市|友城/.test(t)) return '友好城市';
  if (/厅市会商/.test(t)) return '厅市会商';
  const names = ROLE_KEYS.map((r) => parties[r]).filter((n): n is string => typeof n === 'string');
  if (names.length < 2) return null;
  const counterparties = names.slice(1);
  if (docType === '合同' && looksLikeGovernment(names[0])) return '政府合同';
  if (counterparties.every(isCentralMinistry)) return '上级部委';
  return null;
}

const DATE_CN = /([0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日/;
const DATE_LABEL = /(签署|签订|签约|签字)(日期|时间)/;

const toHalfWidth = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

function cnYear(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  const digits = [...s].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c));
  return digits.some((d) => d < 0) ? null : Number(digits.join(''));
}

/** 2026年1月10日 / 二〇二六年一月十日 → 2026-01-10, when it is a real day. */
export function isoDate(text: string): string | null {
  const m = DATE_CN.exec(toHalfWidth(text));
  if (!m) return null;
  const year = cnYear(m[1]);
  const month = /^\d+$/.test(m[2]) ? Number(m[2]) : parseChineseNumber(m[2]);
  const day = /^\d+$/.test(m[3]) ? Number(m[3]) : parseChineseNumber(m[3]);
  if (year === null || month === null || day === null || year < 1949 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function inferSigningDate(paragraphs: readonly string[]): string | null {
  for (const text of paragraphs) if (DATE_LABEL.test(text)) {
    const date = isoDate(text);
    if (date) return date;
  }
  // A date standing alone (the line under the signatures), in the last quarter of the text.
  const from = Math.floor(paragraphs.length * 0.75);
  for (let i = paragraphs.length - 1; i >= from; i--) {
    const text = paragraphs[i].replace(/^[\s\u3000]*(日期|时间)?[：:]?/, '').trim();
    const m = DATE_CN.exec(toHalfWidth(text));
    if (m && m.index === 0 && toHalfWidth(text).slice(m[0].length).trim() === '') return isoDate(text);
  }
  return null;
}

/** Every value the text states, in schema order. */
export function inferFrontMatter(input: InferenceInput): Record<string, string> {
  const out: Record<string, string> = {};
  const parties = inferParties(input.paragraphs);
  const docType = input.title ? inferDocType(input.title) : null;
  if (docType) out['文种'] = docType;
  const category = inferCategory(input.title, docType, parties);
  if (category) out['类别'] = category;
  if (input.title) out['标题'] = input.title;
  Object.assign(out, parties);
  const date = inferSigningDate(input.paragraphs);
  if (date) out['签署日期'] = date;
  return out;
}
