import type { AgreementDocument } from '../parse';
import { looksLikeGovernment, ROLE_KEYS } from '../parties';
import { parseDate } from '../stage';

/**
 * Front-matter values the body already states: the title line, the party lines
 * (甲方：某区人民政府), a signing date written as 年月日 in the closing lines, the
 * 文种 the title ends with, and the counterparty's kind when its name says it
 * (有限公司 → 企业). Nothing is guessed: what the body does not say stays out.
 */
export function frontMatterFromBody(doc: AgreementDocument): Record<string, string> {
  const body = doc.text.slice(doc.frontMatter.bodyStart);
  const found: Record<string, string> = {};
  const title = doc.title?.text.trim() || firstLineTitle(body);
  if (title) {
    found['标题'] = title;
    const docType = docTypeOfTitle(title);
    if (docType) found['文种'] = docType;
  }
  for (const role of ROLE_KEYS) {
    const m = new RegExp(`^[ \\t\\u3000]*${role}(?:[（(][^）)\\n]{0,8}[）)])?[ \\t\\u3000]*[：:][ \\t\\u3000]*([^\\n（(]{2,60}?)[ \\t\\u3000。；]*$`, 'm').exec(body);
    if (m && !/^[_＿…\s]*$/.test(m[1]) && !/某某|[（(]/.test(m[1])) found[role] = m[1].trim();
  }
  const date = signingDate(body);
  if (date) found['签署日期'] = date;
  const kind = counterpartyKind(found['乙方']);
  if (kind) found['乙方性质'] = kind;
  return found;
}

/** 国家机关 for a government body, 企业 for a company (whether state-owned the name does not say). */
export function counterpartyKind(name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (/(有限责任公司|股份有限公司|有限公司|集团公司|公司)(（[^）]*）)?$/.test(name.trim())) return '企业';
  if (/(大学|学院)$/.test(name.trim())) return '高等院校';
  if (looksLikeGovernment(name)) return '国家机关';
  return undefined;
}

const DOC_TYPE_OF_TITLE: Array<[RegExp, string]> = [
  [/议定书$/, '议定书'],
  [/意向书$/, '意向书'],
  [/备忘录$/, '备忘录'],
  [/宣言$/, '宣言'],
  [/实施方案$/, '实施方案'],
  [/合同$/, '合同'],
  [/(协议书|协议)$/, '协议书'],
];

export function docTypeOfTitle(title: string): string | undefined {
  return DOC_TYPE_OF_TITLE.find(([re]) => re.test(title.trim()))?.[1];
}

function firstLineTitle(body: string): string | undefined {
  const line = body.split(/\r\n|\r|\n/).map((l) => l.trim()).find((l) => l.length > 0);
  return line && line.length <= 60 && docTypeOfTitle(line) && !/[。；：:]/.test(line) ? line : undefined;
}

/**
 * The date the parties sign on: a 年月日 date (or 2026-01-10) after 签署日期/签订日期, else
 * the only date on a line of its own in the closing lines. None when unclear.
 */
function signingDate(body: string): string | undefined {
  const labelled = /(?:签署|签订|签约)(?:日期|时间)[ \t\u3000]*[：:][ \t\u3000]*(\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2})/.exec(body);
  if (labelled && parseDate(labelled[1])) return labelled[1];
  const lines = body.split(/\r\n|\r|\n/).slice(-12);
  const alone = [...new Set(lines.map((l) => l.trim()).filter((l) => /^(\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2})$/.test(l) && parseDate(l)))];
  return alone.length === 1 ? alone[0] : undefined;
}
