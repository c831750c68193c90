/**
 * 签署人 as the officer records it — a map by party (甲方: 区长 张某某), a list in the order of
 * the parties, or one line (区长张某某、董事长李某某) — and the post each signer holds.
 */
import type { CheckContext } from '../context';
import type { Party } from '../parties';
import type { Span } from '../types';

export interface Signer {
  /** 甲方, 乙方 … when the record says, else the party in the same place of the list. */
  role?: string;
  text: string;
  post?: Post;
  /** Where the signature block names the signer (signers from the front matter have none). */
  span?: Span;
}

export interface Post {
  name: string;
  /** Government grade (8 正部 … 1 科级); enterprise posts have none. */
  grade?: number;
  /** 董事长/总经理 (top), 副总经理 (deputy), 部门经理 (staff). */
  enterprise?: 'top' | 'deputy' | 'staff';
  /** 区长, 常务副区长, 副区长: a 区政府领导同志 (47号 二). */
  districtLeader?: boolean;
}

/** Longest first, so 常务副区长 is not read as 区长. */
const POSTS: Array<[RegExp, Omit<Post, 'name'>]> = [
  [/常务副区长|副区长/, { grade: 3, districtLeader: true }],
  [/区长(?!助理)/, { grade: 4, districtLeader: true }],
  [/副部长|副省长/, { grade: 7 }],
  [/部长|省长|省委书记/, { grade: 8 }],
  [/副厅长|副市长|副司长|副州长/, { grade: 5 }],
  [/厅长|市长|市委书记|司长|州长/, { grade: 6 }],
  [/副县长|副处长|副旗长/, { grade: 3 }],
  [/县长|区委书记|县委书记|处长|旗长/, { grade: 4 }],
  [/副局长|副主任|副科长|副镇长|副乡长/, { grade: 2 }],
  [/局长|科长|镇长|乡长|街道主任/, { grade: 2 }],
  // 区合作交流办主任, 管委会主任: the head of a department or office, not a 区政府领导.
  [/主任/, { grade: 2 }],
  [/副董事长|副总经理|副总裁|副行长|副院长|副校长/, { enterprise: 'deputy' }],
  [/董事长|总经理|总裁|行长|院长|校长|理事长|首席执行官|CEO/i, { enterprise: 'top' }],
  [/部门经理|项目经理|区域经理|分公司经理|经理|主管|专员|总监|业务员|职员/, { enterprise: 'staff' }],
];

export function postOf(text: string): Post | undefined {
  for (const [re, post] of POSTS) {
    const m = re.exec(text);
    if (m) return { name: m[0], ...post };
  }
  return undefined;
}

const ROLE = /^([甲乙丙丁戊己]方)[：:\s]*/;

export function readSigners(value: unknown): Signer[] {
  const make = (text: string, role?: string): Signer => {
    const m = ROLE.exec(text);
    const rest = m ? text.slice(m[0].length) : text;
    return { role: role ?? m?.[1], text: rest.trim(), post: postOf(rest) };
  };
  if (typeof value === 'string') return value.split(/[；;、，,\n]+/).map((t) => t.trim()).filter(Boolean).map((t) => make(t));
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string' && v.trim()).map((v) => make(String(v).trim()));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => typeof v === 'string' && v.trim())
      .map(([role, v]) => make(String(v).trim(), /^[甲乙丙丁戊己]方$/.test(role) ? role : undefined));
  }
  return [];
}

/** Each signer paired with the party it signs for (by role, else by position). */
export function signersByParty(context: CheckContext, signers: Signer[]): Array<{ signer: Signer; party?: Party }> {
  const parties = context.parties.list;
  return signers.map((signer, i) => ({ signer, party: signer.role ? parties.find((p) => p.role === signer.role) : parties[i] }));
}

/** The party that is the 区人民政府 itself (not one of its departments). */
export function isDistrictGovernment(party: Party | undefined): boolean {
  return !!party && /区人民政府$|区政府$/.test(party.name.trim());
}
