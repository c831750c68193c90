import schema from '../../../../schemas/agreement.schema.json';
import { counterpartyKind } from '../authoring/frontMatterFromBody';
import type { CheckContext } from '../context';
import type { RuleSet } from '../pack/ruleSet';
import { documentStage, isSigned, parseDate } from '../stage';
import type { Fix } from '../types';

/** 文种 values every rule set accepts; packs add theirs through their categories' docTypes. */
const BASE_DOC_TYPES = ['协议书', '议定书', '意向书', '备忘录', '宣言', '实施方案', '合同'];

/** The built-in packs' categories: what 类别 may be when no pack is loaded at all. */
const BASE_CATEGORIES = ['上级部委', '中央企业', '兄弟地区', '企业集团', '友好城市', '对口帮扶', '其他', '厅市会商', '对口合作', '政府合同'];

/** 类别 values: the categories of the merged rule set (a workspace pack may add its own). */
export function categoryNames(rules: Pick<RuleSet, 'categories'>): string[] {
  return rules.categories.size > 0 ? [...rules.categories.keys()] : [...BASE_CATEGORIES];
}

/** 文种 values: the base list and every category's docTypes. */
export function docTypeNames(rules: Pick<RuleSet, 'categories'>): string[] {
  const out = [...BASE_DOC_TYPES];
  for (const category of rules.categories.values()) for (const t of category.docTypes ?? []) if (t && !out.includes(t)) out.push(t);
  return out;
}

/** `schema/enum` for 类别 and 文种, against the merged rule set rather than a fixed list. */
export function checkRuleSetValues(context: CheckContext): void {
  const lists: Array<[string, string[]]> = [
    ['类别', categoryNames(context.rules)],
    ['文种', docTypeNames(context.rules)],
  ];
  for (const [key, allowed] of lists) {
    const entry = context.doc.frontMatter.entries.get(key);
    const value = context.doc.frontMatter.data[key];
    if (!entry || typeof value !== 'string' || value.trim() === '' || allowed.includes(value.trim())) continue;
    const span = entry.valueSpan.end > entry.valueSpan.start ? entry.valueSpan : entry.keySpan;
    // A value broken over lines is not replaced in place (the edit would swallow the line break).
    const oneLine = !/[\r\n]/.test(context.doc.text.slice(entry.valueSpan.start, entry.valueSpan.end));
    context.report({
      rule: 'schema/enum',
      severity: 'error',
      message: `${key} 须为以下之一：${allowed.join('、')}。`,
      span,
      fixes: () => !oneLine ? [] : allowed.map((v) => ({ title: `改为“${v}”`, edits: [{ start: entry.valueSpan.start, end: entry.valueSpan.end, newText: v }], safe: false })),
    });
  }
}

/** A signed document needs its real 签署日期; a draft may say 待定 or leave it out. */
export function checkSigningStage(context: CheckContext): void {
  const fm = context.doc.frontMatter;
  const stage = documentStage(fm.data);
  const entry = fm.entries.get('签署日期');
  const value = fm.data['签署日期'];
  if (typeof value === 'string' && /^\d{4}(-\d{2}-\d{2}|年\d{1,2}月\d{1,2}日)$/.test(value.trim()) && !parseDate(value)) {
    context.report({ rule: 'schema/format', severity: 'error', message: `签署日期“${value.trim()}”不是有效的日期。`, span: entry!.valueSpan });
    return;
  }
  if (!isSigned(stage) || parseDate(value)) return;
  const stageEntry = fm.entries.get('阶段');
  context.report({
    rule: 'schema/required',
    severity: 'error',
    message: `阶段为“${stage}”，文件头应写明签署日期（如 2026-01-10 或 2026年1月10日）。`,
    span: entry ? entry.keySpan : stageEntry ? stageEntry.keySpan : { start: fm.span.start, end: fm.span.start + 3 },
  });
}

const KNOWN_KEYS = Object.keys(schema.properties);

/** `schema/unknown-key`: a key the schema does not know but one letter away from one it does (类型 → 类别). */
export function checkKeySpelling(context: CheckContext): void {
  const fm = context.doc.frontMatter;
  const known = new Set([...KNOWN_KEYS, ...[...context.rules.categories.values()].flatMap((c) => (c.subTypeKey ? [c.subTypeKey] : []))]);
  for (const [key, entry] of fm.entries) {
    if (known.has(key)) continue;
    const near = [...known].filter((k) => close(key, k));
    if (near.length !== 1) continue;
    const target = near[0];
    const fixes: Fix[] = fm.entries.has(target) ? [] : [{ title: `将“${key}”改为“${target}”`, edits: [{ start: entry.keySpan.start, end: entry.keySpan.end, newText: target }], safe: true, preferred: true }];
    context.report({
      rule: 'schema/unknown-key',
      severity: 'warning',
      message: fm.entries.has(target) ? `未知的键“${key}”（是否为“${target}”？文件头已有“${target}”）。` : `未知的键“${key}”：是否应为“${target}”？不认识的键不参与检查。`,
      span: entry.keySpan,
      fixes,
    });
  }
}

/** One substitution, insertion or deletion apart, and sharing a character (类型/类别, 乙方姓质/乙方性质). */
function close(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 2) return false;
  if (a.length === b.length) {
    let diff = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
    return diff === 1;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/**
 * 乙方性质 when the front matter leaves it out but 乙方's name says it (有限公司 → 企业), so the
 * counterparty checks still apply; `schema/inferred` says so on 乙方.
 */
export function inferredCounterpartyKind(data: Record<string, unknown>): string | undefined {
  if (data['乙方性质'] !== undefined && data['乙方性质'] !== null && data['乙方性质'] !== '') return undefined;
  return counterpartyKind(typeof data['乙方'] === 'string' ? data['乙方'] : undefined);
}

/** The note and the fix a check on 乙方性质 adds when the kind was inferred from 乙方's name. */
export function inferredKindNote(context: CheckContext, kind: string): { note: string; fix: Fix } {
  const at = context.doc.frontMatter.contentSpan.end;
  const note = `（文件头未写“乙方性质”，按乙方名称视为“${kind}”${kind === '企业' ? '；如为国有企业，请写明“乙方性质: 国有企业”' : ''}。）`;
  return { note, fix: { title: `在文件头中写明“乙方性质: ${kind}”`, edits: [{ start: at, end: at, newText: `乙方性质: ${kind}${context.doc.eol}` }], safe: false } };
}
