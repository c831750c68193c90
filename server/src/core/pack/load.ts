import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parseUntrustedYaml } from '../parse/yamlGuard';
import packSchema from '../../../../schemas/rule-pack.schema.json';
import { withLinearUniqueItems } from './linearSchema';
import { buildRuleSet } from './ruleSet';
import { unsafeRegexReason } from './safeRegex';
import type { RulePack } from './types';

/** Packs above this size are refused. */
export const MAX_PACK_CHARS = 1024 * 1024;

export interface PackProblem {
  /** The file (or source name) the pack came from. */
  source: string;
  /** JSON-pointer-like path inside the pack, e.g. `/clauses/3/any`. */
  path: string;
  message: string;
}

export interface PackLoadResult {
  pack?: RulePack;
  problems: PackProblem[];
}

let validatePack: ValidateFunction | null = null;
function validator(): ValidateFunction {
  if (!validatePack) validatePack = new Ajv({ allErrors: true, strict: false }).compile(withLinearUniqueItems(packSchema));
  return validatePack;
}

/**
 * Read one pack from YAML text. Pure (the caller does the I/O). Never throws:
 * a broken pack yields problems naming the source, the path inside it and what
 * is wrong, and no pack.
 */
export function loadPack(text: string, source: string): PackLoadResult {
  const problem = (path: string, message: string): PackLoadResult => ({ problems: [{ source, path, message }] });
  if (text.length > MAX_PACK_CHARS) return problem('', `规则包过大（超过 ${MAX_PACK_CHARS / 1024} KB），已拒绝加载。`);
  // Every guard for untrusted YAML (deep nesting can abort the process, complex keys hang toJS): yamlGuard.ts.
  const parsed = parseUntrustedYaml(text, 100);
  if (!parsed.ok) {
    const message = parsed.message.startsWith('不是有效的 YAML') ? `规则包${parsed.message}` : `规则包${parsed.message}，已拒绝加载。`;
    return problem('', message);
  }
  const data = parsed.data;
  if (!validator()(data)) {
    return { problems: (validator().errors ?? []).slice(0, 20).map((e) => ({ source, path: e.instancePath || '/', message: describe(e) })) };
  }
  const pack = data as RulePack;
  const problems: PackProblem[] = [];
  // Walked defensively: this must not throw even on a shape the schema let through.
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  list(pack.categories).forEach((category, c) =>
    list((category as { sections?: unknown })?.sections).forEach((section, s) =>
      list((section as { elements?: unknown })?.elements).forEach((element, e) => {
        const pattern = (element as { pattern?: unknown })?.pattern;
        if (pattern === undefined) return;
        const where = `/categories/${c}/sections/${s}/elements/${e}/pattern`;
        const reason = typeof pattern === 'string' ? unsafeRegexReason(pattern) : '正则表达式应为文字';
        if (reason) problems.push({ source, path: where, message: `${reason}，已拒绝加载此规则包。` });
      }),
    ),
  );
  if (problems.length > 0) return { problems };
  try {
    buildRuleSet([pack]);
  } catch (error) {
    return problem('', `规则包结构不完整，无法使用：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  return { pack, problems };
}

/** Citations that point at no declared regulation or article, across a set of packs. */
export function unresolvedCitations(packs: RulePack[]): string[] {
  const provisions = new Map<string, Set<string>>();
  for (const pack of packs) {
    for (const regulation of pack.regulations ?? []) {
      const set = provisions.get(regulation.id) ?? new Set<string>();
      Object.keys(regulation.provisions).forEach((article) => set.add(article));
      provisions.set(regulation.id, set);
    }
  }
  const missing: string[] = [];
  const check = (where: string, ref?: { regulation: string; article: string }) => {
    if (ref && !provisions.get(ref.regulation)?.has(ref.article)) missing.push(`${where}: ${ref.regulation} ${ref.article}`);
  };
  for (const pack of packs) {
    pack.categories?.forEach((category) => {
      check(`${pack.id} 类别 ${category.name}`, category.citation);
      category.sections.forEach((section) => {
        check(`${pack.id} ${category.name}/${section.name}`, section.citation);
        section.elements?.forEach((element) => check(`${pack.id} ${category.name}/${section.name}/${element.name}`, element.citation));
      });
    });
    pack.clauses?.forEach((clause) => {
      check(`${pack.id} ${clause.id}`, clause.citation);
      clause.seeAlso?.forEach((ref) => check(`${pack.id} ${clause.id} seeAlso`, ref));
    });
    pack.checks?.forEach((c) => {
      check(`${pack.id} ${c.id}`, c.citation);
      c.seeAlso?.forEach((ref) => check(`${pack.id} ${c.id} seeAlso`, ref));
    });
  }
  return missing;
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return `缺少必填字段“${(error.params as { missingProperty: string }).missingProperty}”`;
    case 'additionalProperties':
      return `不认识的字段“${(error.params as { additionalProperty: string }).additionalProperty}”`;
    case 'enum':
      return `取值须为以下之一：${(error.params as { allowedValues: unknown[] }).allowedValues.join('、')}`;
    case 'type':
      return `类型应为 ${(error.params as { type: string }).type}`;
    case 'pattern':
      return `格式不符合 ${(error.params as { pattern: string }).pattern}`;
    default:
      return error.message ?? error.keyword;
  }
}
