/**
 * Who signs: the parties named in front matter (甲方, 乙方, 丙方 …) and which of
 * them are government bodies. A government body is recognised by its name
 * (人民政府, 管委会, 局, 委, 办, 厅, 部 …).
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
  mentions: Array<{ text: string; government: boolean }>;
}

export const ROLE_KEYS = ['甲方', '乙方', '丙方', '丁方', '戊方'];

const GOVERNMENT_NAME = /(人民政府|政府|管理委员会|管委会|委员会|办公室|办事处|[局委办厅部处])(（[^）]*）)?$/;
const GOVERNMENT_WORD = /人民政府|管委会|管理委员会/;
const COMPANY_NAME = /(公司|集团|企业|银行|大学|学院|研究院|研究所|医院|协会|商会|中心|基金会)(（[^）]*）)?$/;

export function looksLikeGovernment(name: string): boolean {
  const trimmed = name.trim();
  if (COMPANY_NAME.test(trimmed)) return false;
  return GOVERNMENT_NAME.test(trimmed) || GOVERNMENT_WORD.test(trimmed);
}

/** Generic words that name a government or a counterparty without its full name. */
const GENERIC_GOVERNMENT = ['政府平台公司', '平台公司', '融资平台', '区人民政府', '市人民政府', '人民政府', '区政府', '市政府', '县政府', '政府方', '政府部门', '政府', '管委会'];
const GENERIC_COUNTERPARTY = ['合作方', '投资方', '社会资本方', '企业方', '项目公司', '公司', '企业', '集团'];

export function identifyParties(data: Record<string, unknown>): Parties {
  const list: Party[] = [];
  for (const role of ROLE_KEYS) {
    const value = data[role];
    if (typeof value === 'string' && value.trim().length > 0) {
      list.push({ role, name: value.trim(), government: looksLikeGovernment(value) });
    }
  }
  const mentions: Parties['mentions'] = [];
  const add = (text: string, government: boolean) => {
    if (text.length >= 2 && !mentions.some((m) => m.text === text)) mentions.push({ text, government });
  };
  if (list.length === 0) {
    // Without front matter, the usual convention: 甲方 is the government.
    add('甲方', true);
    add('乙方', false);
  }
  for (const party of list) {
    add(party.name, party.government);
    add(party.role, party.government);
  }
  for (const word of GENERIC_GOVERNMENT) add(word, true);
  for (const word of GENERIC_COUNTERPARTY) add(word, false);
  mentions.sort((a, b) => b.text.length - a.text.length);
  return { list, mentions };
}
