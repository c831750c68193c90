import { acceptedShapes, dateInOtherShape } from '../fixes/dateShape';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../../schemas/agreement.schema.json';
import { validate as generatedValidate } from '../generated/frontMatterValidator';
import type { CheckContext } from '../context';
import type { Span } from '../types';
import { frontMatterFromBody } from '../authoring/frontMatterFromBody';
import { yamlScalar } from '../authoring/yamlScalar';
import { categoryNames, checkKeySpelling, checkRuleSetValues, checkSigningStage, docTypeNames } from './frontMatterValues';

interface PropertySchema {
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  'x-message'?: string;
}

const properties = schema.properties as Record<string, PropertySchema>;
/** Compiled from the schema at build time (scripts/generate-validators.mjs): no schema compilation at start. */
const validate = generatedValidate as unknown as ValidateFunction;

export function schemaProperties(): Record<string, PropertySchema> {
  return properties;
}

export function requiredKeys(): string[] {
  return schema.required;
}

/**
 * `schema/*`: the front matter against `schemas/agreement.schema.json`. A missing
 * or broken front matter gets one finding; each schema error lands on its key or value.
 */
export function checkFrontMatter(context: CheckContext): void {
  const { doc } = context;
  const fm = doc.frontMatter;
  if (!fm.present) {
    const start = fm.bodyStart;
    context.report({
      rule: 'schema/front-matter',
      severity: 'error',
      message: '缺少文件头：请在文件开头用两行“---”写明文种、类别、标题、甲方、乙方、牵头单位、签署日期等要素。没有类别，无法按规定检查必备内容。',
      span: { start, end: doc.lines.lineContentEnd(doc.lines.positionAt(start).line) },
      // Values the body states are filled in; the rest stay placeholders, flagged until written.
      fixes: () => [{ title: '插入文件头（取自正文，其余待填写）', edits: [{ start, end: start, newText: frontMatterTemplate(doc.eol, frontMatterFromBody(doc)) }], safe: false, preferred: true }],
    });
    return;
  }
  for (const problem of fm.problems) {
    context.report({ rule: problem.kind === 'duplicate' ? 'schema/duplicate-key' : 'schema/syntax', severity: 'error', message: problem.message, span: problem.span });
  }
  if (fm.problems.some((p) => p.kind !== 'duplicate')) return;
  if (!validate(fm.data)) for (const error of validate.errors ?? []) report(context, error);
  checkRuleSetValues(context);
  checkSigningStage(context);
  checkKeySpelling(context);
}

function report(context: CheckContext, error: ErrorObject): void {
  const fm = context.doc.frontMatter;
  const key = topKey(error);
  const entry = key ? fm.entries.get(key) : undefined;
  const openFence: Span = { start: fm.span.start, end: fm.span.start + 3 };
  const valueSpan = entry ? (entry.valueSpan.end > entry.valueSpan.start ? entry.valueSpan : entry.keySpan) : openFence;
  const property = key ? properties[key] : undefined;
  switch (error.keyword) {
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      context.report({
        rule: 'schema/required',
        severity: 'error',
        message: `文件头缺少“${missing}”。${properties[missing]?.description?.split('。')[0] ?? ''}。`.replace('。。', '。'),
        span: openFence,
        fixes: () => [addKeyFix(context, missing)],
      });
      return;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      context.report({
        rule: 'schema/enum',
        severity: 'error',
        message: `${key} 须为以下之一：${allowed.join('、')}。`,
        span: valueSpan,
        // The value nearest to what was written first (签署 → 已签署), and preferred when it shares words with it.
        fixes: () => byCloseness(allowed, entry?.value).map((value, i) => ({
          title: `改为“${value}”`,
          edits: [valueEdit(context, entry?.valueSpan ?? valueSpan, value)],
          safe: false,
          ...(i === 0 && sharedCharacters(value, entry?.value) > 0 ? { preferred: true } : {}),
        })),
      });
      return;
    }
    case 'type': {
      const type = (error.params as { type: string }).type;
      if (entry && (entry.value === null || entry.value === undefined || entry.value === '')) {
        const choices = key === '类别' ? categoryNames(context.rules) : key === '文种' ? docTypeNames(context.rules) : ((property?.enum ?? []) as unknown[]).map(String);
        context.report({
          rule: 'schema/empty',
          severity: 'error',
          message: `${key} 未填写：请在冒号后写明${key}，或删去这一行。${property?.description?.split('。')[0] ?? ''}。`.replace('。。', '。'),
          span: valueSpan,
          fixes: () => choices.map((value) => ({ title: `填写“${value}”`, edits: [valueEdit(context, entry.valueSpan, value)], safe: false })),
        });
        return;
      }
      context.report({ rule: 'schema/type', severity: 'error', message: `${key} ${typeInChinese(type)}`, span: valueSpan });
      return;
    }
    case 'format':
      context.report({ rule: 'schema/format', severity: 'error', message: `${key} 应为日期，格式为 YYYY-MM-DD，例如 2025-06-30。`, span: valueSpan });
      return;
    case 'pattern': {
      // A date written another way (2026/1/10) is the officer's own date: offer it in the accepted shapes.
      const date = entry ? dateInOtherShape(entry.value) : null;
      const fixes = date && entry ? acceptedShapes(date).map((value, i) => ({ title: `改为“${value}”`, edits: [valueEdit(context, entry.valueSpan, value)], safe: false, preferred: i === 0 })) : undefined;
      context.report({ rule: 'schema/format', severity: 'error', message: property?.['x-message'] ?? `${key} 的写法不符合要求。`, span: valueSpan, ...(fixes ? { fixes } : {}) });
      return;
    }
    case 'minLength':
      context.report({ rule: 'schema/empty', severity: 'error', message: `${key} 不能为空。`, span: valueSpan });
      return;
    case 'minimum':
      context.report({ rule: 'schema/type', severity: 'error', message: `${key} 应为不小于 ${(error.params as { limit: number }).limit} 的整数。`, span: valueSpan });
      return;
    default:
      context.report({ rule: 'schema/invalid', severity: 'error', message: `${key ?? '文件头'} 不符合要求（${error.message ?? error.keyword}）。`, span: valueSpan });
  }
}

function sharedCharacters(option: string, written: unknown): number {
  if (typeof written !== 'string') return 0;
  return [...new Set(written.trim())].filter((c) => option.includes(c)).length;
}

/** Allowed values, those sharing most characters with the written value first (stable otherwise). */
function byCloseness(allowed: string[], written: unknown): string[] {
  return allowed.map((value, i) => ({ value, i, score: sharedCharacters(value, written) })).sort((a, b) => b.score - a.score || a.i - b.i).map((x) => x.value);
}

/** Replace a value; an empty value (`类别:`) gets the value after the colon, the key untouched. */
function valueEdit(context: CheckContext, span: Span, value: string) {
  const empty = span.end === span.start;
  const afterColon = empty && /[:：]$/.test(context.doc.text.slice(Math.max(0, span.start - 1), span.start));
  return { start: span.start, end: span.end, newText: afterColon ? ` ${value}` : value };
}

function topKey(error: ErrorObject): string | undefined {
  const path = error.instancePath.split('/').filter(Boolean);
  return path.length > 0 ? decodeURIComponent(path[0].replace(/~1/g, '/').replace(/~0/g, '~')) : undefined;
}

function typeInChinese(type: string): string {
  if (type.includes('boolean')) return '应为 true（是）或 false（否）。';
  if (type.includes('integer')) return '应为整数。';
  if (type.includes('number')) return '应为数字。';
  if (type.includes('array')) return '应为文字或列表。';
  return '应为文字。';
}

/** What a new key holds until the officer writes it: never a date, a name or a category. */
const PLACEHOLDERS: Record<string, string> = {
  文种: '（选择文种）',
  类别: '（选择类别）',
  标题: '（协议全称）',
  甲方: '（甲方全称）',
  乙方: '（乙方全称）',
  牵头单位: '（牵头单位名称）',
  签署日期: '待定',
  阶段: '起草',
};

const TEMPLATE_KEYS = ['文种', '类别', '标题', '甲方', '乙方', '丙方', '丁方', '乙方性质', '牵头单位', '签署日期', '阶段'];

/** Add a missing key with what the body says, else a placeholder (flagged by format/placeholder). */
function addKeyFix(context: CheckContext, key: string) {
  const fm = context.doc.frontMatter;
  const eol = context.doc.eol;
  const at = fm.contentSpan.end;
  const value = frontMatterFromBody(context.doc)[key] ?? PLACEHOLDERS[key] ?? '（待填写）';
  return { title: `在文件头中添加“${key}”`, edits: [{ start: at, end: at, newText: `${key}: ${yamlScalar(value)}${eol}` }], safe: false, preferred: true };
}

function frontMatterTemplate(eol: string, fromBody: Record<string, string>): string {
  const keys = TEMPLATE_KEYS.filter((k) => fromBody[k] !== undefined || (PLACEHOLDERS[k] !== undefined && (k !== '阶段' || fromBody['签署日期'] === undefined)));
  const lines = ['---', ...keys.map((k) => `${k}: ${yamlScalar(fromBody[k] ?? PLACEHOLDERS[k])}`), '---', ''];
  return lines.join(eol);
}
