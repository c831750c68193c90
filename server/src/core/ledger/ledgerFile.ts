/**
 * The workspace ledger file 履约台账.yaml: read (YAML with node ranges, validated by
 * `schemas/ledger.schema.json`, problems in Chinese on the offending key) and written
 * (through the yaml package's Document API, so comments and layout survive).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isMap, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import schema from '../../../../schemas/ledger.schema.json';
import { firstComplexKey, yamlTooDeep } from '../parse/yamlGuard';
import type { Span } from '../types';
import type { LedgerEntry } from './types';

export const LEDGER_FILE_NAME = '履约台账.yaml';
/** A ledger is a list of rows; a larger file is refused rather than parsed. */
export const MAX_LEDGER_SIZE = 4 * 1024 * 1024;

export interface LedgerProblem {
  message: string;
  span: Span;
}

export interface LedgerFile {
  entries: LedgerEntry[];
  /** Entry index → the span of its `- id:` item, for hovers and go-to. */
  spans: Span[];
  problems: LedgerProblem[];
}

let validate: ValidateFunction | null = null;
function validator(): ValidateFunction {
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    addFormats(ajv, ['date']);
    validate = ajv.compile(schema);
  }
  return validate;
}

export function ledgerSchema(): typeof schema {
  return schema;
}

export function readLedger(text: string): LedgerFile {
  const empty: LedgerFile = { entries: [], spans: [], problems: [] };
  if (text.length > MAX_LEDGER_SIZE) return { ...empty, problems: [{ message: `履约台账文件过大（超过 ${MAX_LEDGER_SIZE / 1024 / 1024} MB），未读取。`, span: { start: 0, end: 0 } }] };
  if (text.trim() === '') return empty;
  const deep = yamlTooDeep(text);
  if (deep) return { ...empty, problems: [{ message: '履约台账嵌套过深，未读取。', span: deep }] };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return { ...empty, problems: [{ message: `履约台账无法解析：${(error as Error).message}`, span: { start: 0, end: 0 } }] };
  }
  if (doc.errors.length > 0) {
    return { ...empty, problems: doc.errors.map((e) => ({ message: `履约台账 YAML 语法错误：${e.message.split('\n')[0]}`, span: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) } })) };
  }
  if (firstComplexKey(doc)) return { ...empty, problems: [{ message: '履约台账中不能使用复合键（? …）。', span: { start: 0, end: 0 } }] };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return { ...empty, problems: [{ message: `履约台账无法读取：${(error as Error).message}`, span: { start: 0, end: 0 } }] };
  }
  const problems: LedgerProblem[] = [];
  if (!validator()(data)) {
    const seen = new Set<string>();
    for (const error of validator().errors ?? []) {
      const message = describe(error);
      if (seen.has(message)) continue;
      seen.add(message);
      problems.push({ message, span: spanAt(doc, error.instancePath, error) });
    }
  }
  const entries: LedgerEntry[] = [];
  const spans: Span[] = [];
  const list = (data as { 承诺?: unknown } | null)?.承诺;
  const seq = doc.get('承诺', true);
  if (Array.isArray(list)) {
    list.forEach((raw, i) => {
      if (!raw || typeof raw !== 'object' || typeof (raw as LedgerEntry).id !== 'string') return;
      entries.push(raw as LedgerEntry);
      const node = isSeq(seq) ? (seq.items[i] as YamlNode | undefined) : undefined;
      spans.push(node?.range ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 });
    });
  }
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (seen.has(entry.id)) problems.push({ message: `承诺编号 ${entry.id} 重复（第 ${seen.get(entry.id)! + 1} 条和第 ${i + 1} 条），只采用第一条。`, span: spans[i] });
    else seen.set(entry.id, i);
  });
  return { entries: entries.filter((e, i) => seen.get(e.id) === i), spans: spans.filter((_, i) => seen.get(entries[i].id) === i), problems };
}

function describe(error: ErrorObject): string {
  const where = placeOf(error.instancePath);
  const sub = error.schema as { 'x-message'?: string } | undefined;
  const parentMessage = (error.parentSchema as { 'x-message'?: string } | undefined)?.['x-message'];
  switch (error.keyword) {
    case 'required':
      return `${where}缺少“${(error.params as { missingProperty: string }).missingProperty}”。`;
    case 'additionalProperties':
      return `${where}有不认识的键“${(error.params as { additionalProperty: string }).additionalProperty}”；可用的键：id、协议、承诺方、承诺内容、状态、证据、责任单位、责任人、到期日期、销号日期、备注。`;
    case 'enum':
    case 'pattern':
    case 'format':
      return `${where}${parentMessage ?? (typeof sub === 'object' ? sub['x-message'] : undefined) ?? '取值不符合要求。'}`;
    case 'type':
      return `${where}应为${typeName((error.params as { type: string }).type)}。`;
    default:
      return `${where}不符合台账格式（${error.message ?? error.keyword}）。`;
  }
}

function typeName(type: string): string {
  return ({ string: '文字', array: '列表（每项以“- ”开头）', object: '键值对', number: '数字' } as Record<string, string>)[type] ?? type;
}

function placeOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return '台账：';
  if (parts[0] === '承诺' && parts[1] !== undefined) return `第 ${Number(parts[1]) + 1} 条承诺${parts[2] ? `的“${parts[2]}”` : ''}：`;
  return `“${parts.join('.')}”：`;
}

/** The key (or the item) an error is about. */
function spanAt(doc: Document.Parsed, path: string, error: ErrorObject): Span {
  const parts = path.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  let node: unknown = doc.contents;
  let keySpan: Span | null = null;
  for (const part of parts) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === part);
      const key = pair?.key as YamlNode | undefined;
      if (key?.range) keySpan = { start: key.range[0], end: key.range[1] };
      node = pair?.value;
    } else if (isSeq(node) && typeof part === 'number') node = node.items[part];
    else break;
  }
  if (error.keyword === 'additionalProperties' && isMap(node)) {
    const name = (error.params as { additionalProperty: string }).additionalProperty;
    const key = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === name)?.key as YamlNode | undefined;
    if (key?.range) return { start: key.range[0], end: key.range[1] };
  }
  if (keySpan) return keySpan;
  const range = (node as YamlNode | undefined)?.range;
  return range ? { start: range[0], end: range[0] + 1 } : { start: 0, end: 0 };
}
