/**
 * procedure/counterparty-assessment — 合作方主体评估. 河北政办〔2017〕47号 三(一)：除国家机关和国有企事业
 * 单位外，要对合作方的主体资格、资产状况、资质信用、履约能力等情况进行调研评估.
 * Every party that is not the government side is assessed — 乙方, 丙方, 丁方 … — by its declared
 * kind (乙方性质, 丙方性质 …) or, failing that, the kind its name shows. A party whose kind can be
 * neither read nor inferred is named, with the key to record it.
 */
import type { CheckContext } from '../context';
import { counterpartyKind } from '../authoring/frontMatterFromBody';
import { insertKeyFix } from '../checks/procedures';
import type { Party } from '../parties';
import { readRecord } from '../records/record';
import { hasRegulation } from '../records/scope';
import { frontMatterAnchor, frontMatterUsable } from '../records/recordStep';
import type { Fix } from '../types';

export const id = 'procedure/counterparty-assessment';

const STATE = ['国家机关', '国有企业', '国有事业单位'];

interface Assessed {
  party: Party;
  kind?: string;
  inferred: boolean;
}

function kindOf(context: CheckContext, party: Party): Assessed {
  const declared = context.doc.frontMatter.data[`${party.role}性质`];
  if (typeof declared === 'string' && declared.trim()) return { party, kind: declared.trim(), inferred: false };
  if (party.government) return { party, kind: '国家机关', inferred: true };
  // A partnership or fund that the shared reading does not name is still an enterprise.
  const name = party.name.trim();
  const kind =
    counterpartyKind(name) ??
    (/(合伙企业|企业|基金|银行|集团)(（[^）]*）)?$/.test(name) ? '企业' : /(协会|商会|促进会|联合会|基金会|社会工作服务)/.test(name) ? '社会组织' : undefined);
  return { party, kind, inferred: true };
}

/** 主体评估 as one record for all, or a map by party (乙方: …, 丙方: …). */
function assessedRoles(value: unknown): { all: boolean; roles: Set<string>; negative?: string } {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const roles = new Set(Object.entries(value as Record<string, unknown>).filter(([, v]) => readRecord(v).kind === 'given').map(([k]) => k));
    return { all: false, roles };
  }
  const record = readRecord(value);
  return { all: record.kind === 'given', roles: new Set(), negative: record.kind === 'negative' ? record.text : undefined };
}

export function checkCounterpartyAssessment(context: CheckContext): void {
  if (!frontMatterUsable(context) || !hasRegulation(context, 'hb-2017-47')) return;
  const parties = context.parties.list.map((p) => kindOf(context, p));
  const done = assessedRoles(context.doc.frontMatter.data['主体评估']);
  const open = parties.filter((a) => !done.all && !done.roles.has(a.party.role));
  const unknown = open.filter((a) => !a.kind);
  const due = open.filter((a) => a.kind && !STATE.includes(a.kind));
  const citation = context.rules.resolve({ regulation: 'hb-2017-47', article: '三(一)' });
  const seeAlso = [context.rules.resolve({ regulation: 'hb-2017-47', article: '一(二)4' })].filter((c) => c !== undefined);
  const at = context.doc.frontMatter.contentSpan.end;
  const eol = context.doc.eol;
  if (due.length > 0) {
    const names = due.map((a) => `${a.party.role}“${a.party.name}”（${a.kind}）`).join('、');
    const inferredNote = due
      .filter((a) => a.inferred)
      .map((a) => `（文件头未写“${a.party.role}性质”，按${a.party.role}名称视为“${a.kind}”${a.kind === '企业' ? `；如为国有企业，请写明“${a.party.role}性质: 国有企业”` : ''}。）`)
      .join('');
    const fixes: Fix[] = [insertKeyFix(context, '主体评估', '（写明主体资格、资产状况、资质信用、履约能力的评估结论、评估单位和日期）')];
    for (const a of due.filter((d) => d.inferred && d.kind)) fixes.push({ title: `在文件头中写明“${a.party.role}性质: ${a.kind}”`, edits: [{ start: at, end: at, newText: `${a.party.role}性质: ${a.kind}${eol}` }], safe: false });
    context.report({
      rule: id,
      severity: 'warning',
      message: `${names}不是国家机关或国有企事业单位，文件头${done.negative ? `“主体评估: ${done.negative}”不是评估记录` : context.doc.frontMatter.entries.has('主体评估') ? '“主体评估”尚未写明对其的调研评估' : '未记录对其主体资格、资产状况、资质信用、履约能力的调研评估'}。${inferredNote}请进行调研评估，并在文件头“主体评估”中记录评估结论、评估单位和日期（多个合作方可按“乙方: …”“丙方: …”分别记录）。`,
      span: frontMatterAnchor(context, `${due[0].party.role}性质`, due[0].party.role, '主体评估'),
      citation,
      seeAlso,
      fixes: () => context.doc.frontMatter.entries.has('主体评估') ? fixes.slice(1) : fixes,
    });
  }
  for (const a of unknown) {
    context.report({
      rule: id,
      severity: 'warning',
      message: `无法从名称判断${a.party.role}“${a.party.name}”的性质。请在文件头写明“${a.party.role}性质”（国家机关、国有企业、国有事业单位、企业、民营企业、外资企业、社会组织、高等院校、其他）；不是国家机关或国有企事业单位的，须对其主体资格、资产状况、资质信用、履约能力进行调研评估，并记录在“主体评估”中。`,
      span: frontMatterAnchor(context, a.party.role),
      citation,
      seeAlso,
    });
  }
}
