/**
 * Who the parties are, for commitments: the front matter's 甲方/乙方 …, the body's party
 * lines (`甲方：某某区人民政府`) when the front matter names none, and the ways the text
 * refers to each (role, full name, short name, generic words such as 区政府 or 公司).
 */
import type { AgreementDocument } from '../parse';
import { looksLikeGovernment, ROLE_KEYS } from '../parties';
import type { Side } from './types';
import { rememberedEpoch } from '../textMemo';

export interface LedgerParty {
  role: string;
  name: string;
  side: Side;
}

export interface PartyMention {
  text: string;
  /** Roles this mention stands for (双方 → every party). */
  roles: string[];
}

export interface PartyModel {
  parties: LedgerParty[];
  /** Longest first. */
  mentions: PartyMention[];
  byRole: Map<string, LedgerParty>;
}

const PARTY_LINE = /^[ \t　]*([甲乙丙丁戊]方)[（(]?[^：:\n]{0,8}?[）)]?[：:][ \t　]*([^\n（(]{2,60})/gm;
const ALIAS = /([^\s，。；、（(“”]{2,40})[（(]以下(?:简称|称)[“"「]?([^”"」）)]{2,12})[”"」]?[）)]/g;
const GOVERNMENT_EXTRA = /(街道|镇|乡|办事处|管委会|人民政府|委员会)$/;
const ALL_PARTIES = ['甲乙丙三方', '甲乙双方', '合作双方', '协议双方', '三方', '各方', '双方'];
const GENERIC_GOVERNMENT = ['区人民政府', '市人民政府', '县人民政府', '区政府', '市政府', '县政府', '管委会', '政府方', '科技厅', '省科技厅'];
const GENERIC_COUNTERPARTY = ['投资方', '合作方', '社会资本方', '企业方'];

/** A state-owned company acting for the government (国有资产经营公司, 城投, 平台公司) sits on its side. */
const STATE_PLATFORM = /国有资产|国资|城投|城市建设投资|平台公司|国有资本/;

export function isGovernmentName(name: string): boolean {
  return looksLikeGovernment(name) || GOVERNMENT_EXTRA.test(name.trim()) || STATE_PLATFORM.test(name);
}

/**
 * When every party is a government body (对口合作, 厅市会商), "government" is the side the
 * 牵头单位 belongs to (same level: 区, 市, 省 …, else 甲方); the other bodies are the counterparty.
 */
function ourSide(parties: LedgerParty[], lead: string): void {
  if (parties.length < 2 || parties.some((p) => p.side === 'counterparty')) return;
  const level = /[区市县省镇]/.exec(lead.trim())?.[0];
  const levelOf = (name: string) => /([区市县省镇])(?:人民政府|政府|[^区市县省镇]{1,12}(?:厅|局|委员会|委|办公室|办))$/.exec(name)?.[1];
  const matching = parties.filter((p) => (level && levelOf(p.name) === level) || (lead.length > 2 && p.name.includes(lead.replace(/^[区市县省]/, ''))));
  const ours = matching.length === 1 ? matching[0] : parties[0];
  for (const p of parties) p.side = p === ours ? 'government' : 'counterparty';
}

/**
 * The same model for a document whose party values, 牵头单位 and first 8,000 characters of body
 * (all that `partyModel` reads) are those of one of the last few read: a long document re-read
 * after an edit further down does not run the alias and party-line patterns again. The model is
 * shared: callers only read it.
 */
const recentModels: Array<{ key: string; model: PartyModel }> = [];
const RECENT_MODELS = 8;

export function rememberedPartyModel(doc: AgreementDocument): PartyModel {
  const data = doc.frontMatter.data;
  const values = [...ROLE_KEYS, '牵头单位'].map((k) => (typeof data[k] === 'string' ? `${data[k]}` : typeof data[k]));
  const key = `${rememberedEpoch()}\u0000${JSON.stringify(values)}\u0000${doc.text.slice(doc.frontMatter.bodyStart, doc.frontMatter.bodyStart + 8000)}`;
  const at = recentModels.findIndex((m) => m.key === key);
  if (at >= 0) return recentModels[at].model;
  const model = partyModel(doc);
  recentModels.unshift({ key: (' ' + key).slice(1), model });
  if (recentModels.length > RECENT_MODELS) recentModels.pop();
  return model;
}

export function partyModel(doc: AgreementDocument): PartyModel {
  const parties: LedgerParty[] = [];
  const data = doc.frontMatter.data;
  for (const role of ROLE_KEYS) {
    const value = data[role];
    if (typeof value === 'string' && value.trim()) parties.push({ role, name: value.trim(), side: isGovernmentName(value) ? 'government' : 'counterparty' });
  }
  // The body's party lines add roles the front matter leaves out (a 丙方 named only in the text).
  const body = doc.text.slice(doc.frontMatter.bodyStart, doc.frontMatter.bodyStart + 4000);
  for (const m of body.matchAll(PARTY_LINE)) {
    const name = m[2].replace(/[，。；,;].*$/, '').trim();
    if (!parties.some((p) => p.role === m[1]) && name && !/盖章|签字|签章|代表/.test(name)) {
      parties.push({ role: m[1], name, side: isGovernmentName(name) ? 'government' : 'counterparty' });
    }
  }
  if (parties.length === 0) {
    parties.push({ role: '甲方', name: '甲方', side: 'government' }, { role: '乙方', name: '乙方', side: 'counterparty' });
  }
  ourSide(parties, typeof data['牵头单位'] === 'string' ? data['牵头单位'] : '');
  const mentions: PartyMention[] = [];
  const add = (text: string, roles: string[]) => {
    if (text.length >= 2 && roles.length > 0 && !mentions.some((m) => m.text === text)) mentions.push({ text, roles });
  };
  // （以下简称“河北区”）after a party's name: the alias the text uses.
  for (const m of doc.text.slice(doc.frontMatter.bodyStart, doc.frontMatter.bodyStart + 8000).matchAll(ALIAS)) {
    const party = parties.find((p) => m[1].endsWith(p.name) || p.name.endsWith(m[1]) || shortNames(p.name).some((s) => m[1].endsWith(s)));
    if (party && !/^[甲乙丙丁戊]方$/.test(m[2])) add(m[2], [party.role]);
  }
  for (const p of parties) {
    add(p.name, [p.role]);
    add(p.role, [p.role]);
    for (const short of shortNames(p.name)) add(short, [p.role]);
  }
  const all = parties.map((p) => p.role);
  for (const word of ALL_PARTIES) add(word, all);
  const firstOf = (side: Side) => parties.find((p) => p.side === side)?.role;
  const gov = firstOf('government');
  const other = firstOf('counterparty');
  if (gov) for (const word of GENERIC_GOVERNMENT) add(word, [gov]);
  if (other) for (const word of GENERIC_COUNTERPARTY) add(word, [other]);
  mentions.sort((a, b) => b.text.length - a.text.length);
  return { parties, mentions, byRole: new Map(parties.map((p) => [p.role, p])) };
}

/** 天津市河北区人民政府 → 河北区人民政府, 河北区政府; 某某科技有限公司 → 某某科技, 某某公司. */
function shortNames(name: string): string[] {
  const out: string[] = [];
  const noProvince = name.replace(/^(.{2,3}?(省|自治区))?(.{2,4}?市)(?=.{2,}(区|县|镇|街道))/, '');
  if (noProvince !== name) out.push(noProvince);
  const gov = /^(.+?)(人民政府)$/.exec(noProvince);
  if (gov) out.push(`${gov[1]}政府`, gov[1]);
  const company = /^(.{2,12}?)(股份有限公司|有限责任公司|有限公司|集团有限公司)$/.exec(name);
  if (company && company[1].length >= 4) out.push(company[1]);
  return out.filter((s) => s.length >= 3);
}
