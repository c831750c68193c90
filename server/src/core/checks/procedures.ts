import type { CheckContext } from '../context';
import type { FrontMatterCheck, FrontMatterCondition } from '../pack/types';
import { bodyTermValue } from '../ledger/term';
import { documentStage } from '../stage';
import { inferredCounterpartyKind, inferredKindNote } from './frontMatterValues';
import type { Span } from '../types';

/** A front-matter value that counts as given: not missing, not empty, not false. */
export function isGiven(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return value.trim().length > 0 && !/^[（(]?待填写[）)]?$/.test(value.trim());
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function holds(data: Record<string, unknown>, condition: FrontMatterCondition): boolean {
  const value = data[condition.key];
  if (condition.missing !== undefined) return condition.missing ? !isGiven(value) : isGiven(value);
  if (condition.in) return isGiven(value) || value === false ? condition.in.some((v) => v === value || (Array.isArray(value) && value.includes(v))) : false;
  if (condition.notIn) return isGiven(value) && !condition.notIn.some((v) => v === value);
  return true;
}

/** `procedure/*` and `format/*` checks declared as data in packs. */
export function checkProcedures(context: CheckContext): void {
  const { doc, rules } = context;
  const fm = doc.frontMatter;
  if (!fm.present || fm.problems.some((p) => p.kind !== 'duplicate')) return;
  const category = context.category?.name;
  const stage = documentStage(fm.data);
  const kind = inferredCounterpartyKind(fm.data);
  // The body may say what the front matter leaves out (本协议有效期五年): it counts as given.
  const bodyTerm = isGiven(fm.data['有效期']) ? undefined : bodyTermValue(doc);
  const data: Record<string, unknown> = { ...fm.data, ...(bodyTerm ? { 有效期: bodyTerm } : {}), ...(kind ? { 乙方性质: kind } : {}) };
  for (const check of rules.checks) {
    if (check.categories && (!category || !check.categories.includes(category))) continue;
    if (check.stages && !check.stages.includes(stage)) continue;
    if (!(check.when ?? []).every((c) => holds(data, c))) continue;
    if (check.requireAny && check.requireAny.some((key) => isGiven(data[key]))) continue;
    const inferred = kind && check.when?.some((c) => c.key === '乙方性质') ? inferredKindNote(context, kind) : undefined;
    context.report({
      rule: check.id,
      severity: check.severity,
      message: `${check.message}${check.advice}${inferred?.note ?? ''}`,
      span: anchorSpan(context, check),
      citation: rules.resolve(check.citation),
      seeAlso: check.seeAlso?.map((ref) => rules.resolve(ref)).filter((c) => c !== undefined),
      fixes: () => [...(check.insert ? [insertKeyFix(context, check.insert.key, check.insert.value)] : []), ...(inferred ? [inferred.fix] : [])],
    });
  }
}

function anchorSpan(context: CheckContext, check: FrontMatterCheck): Span {
  const fm = context.doc.frontMatter;
  const key = check.anchor ?? check.when?.[0]?.key;
  // 乙方性质 inferred from 乙方's name: the finding sits on 乙方.
  const entry = key ? (fm.entries.get(key) ?? (key === '乙方性质' ? fm.entries.get('乙方') : undefined)) : undefined;
  if (entry) return entry.keySpan;
  return { start: fm.span.start, end: fm.span.start + 3 };
}

export function insertKeyFix(context: CheckContext, key: string, value: string) {
  const at = context.doc.frontMatter.contentSpan.end;
  return {
    title: `在文件头中添加“${key}”`,
    edits: [{ start: at, end: at, newText: `${key}: ${value}${context.doc.eol}` }],
    safe: false,
    preferred: true,
  };
}
