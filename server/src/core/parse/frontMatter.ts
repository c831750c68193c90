import { isMap, isScalar, parseDocument, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import type { Span } from '../types';
import { parseSimpleYaml } from './simpleYaml';
import { duplicateKeys, firstComplexKey, MAX_YAML_DEPTH, yamlTooDeep } from './yamlGuard';

/** Front matter larger than this is not parsed (it is reported instead). */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;

export interface FrontMatterEntry {
  key: string;
  keySpan: Span;
  /** Span of the value node; for an empty value, an empty span right after the colon. */
  valueSpan: Span;
  value: unknown;
}

export interface FrontMatterProblem {
  /** `syntax`: YAML does not parse. `shape`: parses but is not a key/value mapping. `size`: too large. `unclosed`: no closing `---`. */
  kind: 'syntax' | 'shape' | 'size' | 'unclosed' | 'duplicate';
  message: string;
  span: Span;
}

export interface FrontMatter {
  /** False when the document does not start with a `---` line. */
  present: boolean;
  /** From the opening `---` to the end of the closing `---` line. */
  span: Span;
  /** The YAML text between the fences. */
  contentSpan: Span;
  /** The parsed mapping (plain JSON-like values); empty when absent or broken. */
  data: Record<string, unknown>;
  entries: Map<string, FrontMatterEntry>;
  problems: FrontMatterProblem[];
  /** Where the body starts: after the closing fence, or 0 (after a BOM) without front matter. */
  bodyStart: number;
}

/** At most this many YAML errors are reported per front matter. */
const MAX_REPORTED_ERRORS = 10;

const FENCE = /^---[ \t]*$/;
const CLOSE_FENCE = /^(---|\.\.\.)[ \t]*$/;

/**
 * Find and parse the YAML front matter at the top of `text`. Never throws: every
 * problem becomes a `FrontMatterProblem` with a span inside the text.
 */
export function parseFrontMatter(text: string, lineStarts: number[], lineEnd: (line: number) => number): FrontMatter {
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const absent: FrontMatter = {
    present: false,
    span: { start: bomLength, end: bomLength },
    contentSpan: { start: bomLength, end: bomLength },
    data: {},
    entries: new Map(),
    problems: [],
    bodyStart: bomLength,
  };
  const firstLine = text.slice(bomLength, lineEnd(0));
  if (!FENCE.test(firstLine)) return absent;

  let closeLine = -1;
  for (let line = 1; line < lineStarts.length; line++) {
    const start = lineStarts[line];
    const first = text.charCodeAt(start);
    // Only a line starting with - or . can close; never slice the other (maybe huge) lines.
    if ((first === 45 || first === 46) && CLOSE_FENCE.test(text.slice(start, lineEnd(line)))) {
      closeLine = line;
      break;
    }
  }
  const contentStart = lineStarts.length > 1 ? lineStarts[1] : text.length;
  if (closeLine < 0) {
    return {
      ...absent,
      present: true,
      span: { start: bomLength, end: lineEnd(0) },
      contentSpan: { start: contentStart, end: contentStart },
      problems: [
        {
          kind: 'unclosed',
          message: '文件头（front matter）缺少结束行“---”：请在最后一个键值之后另起一行写“---”。正文仍按无文件头检查。',
          span: { start: bomLength, end: lineEnd(0) },
        },
      ],
      bodyStart: lineEnd(0),
    };
  }
  const contentEnd = lineStarts[closeLine];
  const span = { start: bomLength, end: lineEnd(closeLine) };
  const bodyStart = closeLine + 1 < lineStarts.length ? lineStarts[closeLine + 1] : text.length;
  const result: FrontMatter = {
    present: true,
    span,
    contentSpan: { start: contentStart, end: contentEnd },
    data: {},
    entries: new Map(),
    problems: [],
    bodyStart,
  };
  if (contentEnd - contentStart > MAX_FRONT_MATTER_CHARS) {
    result.problems.push({
      kind: 'size',
      message: `文件头过长（超过 ${MAX_FRONT_MATTER_CHARS / 1024} KB），未解析。文件头只应包含文种、类别、双方等要素。`,
      span: { start: bomLength, end: lineEnd(0) },
    });
    return result;
  }
  // The yaml package breaks lines on \n and \r\n only; a lone \r (old Mac files) becomes \n,
  // which keeps every offset.
  readYaml(text.slice(contentStart, contentEnd).replace(/\r(?!\n)/g, '\n'), contentStart, result);
  return result;
}

function readYaml(source: string, base: number, out: FrontMatter): void {
  // Plain `键: 值` lines (nearly every agreement) skip the yaml package; same result, see simpleYaml.ts.
  const simple = parseSimpleYaml(source, base);
  if (simple) {
    for (const entry of simple) {
      out.data[entry.key] = entry.value;
      out.entries.set(entry.key, entry);
    }
    return;
  }
  // Refuse nesting the parser would recurse into (a stack overflow there can abort the process).
  const deep = yamlTooDeep(source);
  if (deep) {
    out.problems.push({
      kind: 'shape',
      message: `文件头嵌套过深（超过 ${MAX_YAML_DEPTH} 层），未解析。文件头应为“键: 值”的列表，值最多是简单的列表。`,
      span: { start: base + deep.start, end: base + deep.end },
    });
    return;
  }
  let doc: YamlDocument.Parsed;
  try {
    // Duplicate keys are found below in linear time (the parser's own check is quadratic).
    doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false, strict: false });
  } catch (error) {
    out.problems.push({ kind: 'syntax', message: `文件头无法解析：${describe(error)}`, span: out.span });
    return;
  }
  // One broken line can yield hundreds of parser errors; the first few say enough.
  for (const error of doc.errors.slice(0, MAX_REPORTED_ERRORS)) {
    const [from, to] = error.pos;
    const start = base + Math.min(from, source.length);
    const end = Math.max(start, base + Math.min(Math.max(to, from + 1), source.length));
    out.problems.push({ kind: 'syntax', message: `文件头 YAML 语法错误：${yamlErrorInChinese(error.code)}（${error.message.split('\n')[0]}）`, span: { start, end } });
  }
  if (doc.errors.length > 0) return;
  for (const { key, node } of duplicateKeys(doc, MAX_REPORTED_ERRORS)) {
    const [from, to] = node.range ?? [0, 0];
    out.problems.push({ kind: 'duplicate', message: `文件头中“${key}”出现了两次：请删除重复的一项。`, span: { start: base + from, end: base + Math.max(to, from + 1) } });
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return;
  if (!isMap(contents)) {
    const range = (contents as YamlNode).range ?? [0, source.length];
    out.problems.push({
      kind: 'shape',
      message: '文件头应为“键: 值”的列表（例如“文种: 协议书”），而不是单个值或列表。',
      span: { start: base + range[0], end: base + Math.max(range[1], range[0] + 1) },
    });
    return;
  }
  const complexKey = firstComplexKey(doc);
  if (complexKey) {
    const range = complexKey.range ?? [0, source.length];
    out.problems.push({
      kind: 'shape',
      message: '文件头的键应为简单文字（例如“文种”），不能是列表、映射或别名。',
      span: { start: base + range[0], end: base + Math.max(range[1], range[0] + 1) },
    });
    return;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    out.problems.push({
      kind: 'syntax',
      message: `文件头无法展开（别名引用过多或嵌套过深）：${describe(error)}`,
      span: out.contentSpan,
    });
    return;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return;
  out.data = data as Record<string, unknown>;
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    if (!keyNode || !keyNode.range) continue;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const keySpan = { start: base + keyNode.range[0], end: base + keyNode.range[1] };
    const valueNode = pair.value as YamlNode | null;
    const valueSpan = valueNode?.range
      ? { start: base + valueNode.range[0], end: base + Math.max(valueNode.range[0], valueNode.range[1]) }
      : { start: keySpan.end + 1, end: keySpan.end + 1 };
    if (!out.entries.has(key)) out.entries.set(key, { key, keySpan, valueSpan, value: out.data[key] });
  }
}

/** The key a DUPLICATE_KEY error points at: from its position to the colon on that line. */
function describe(error: unknown): string {
  if (error instanceof RangeError) return '嵌套过深';
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

function yamlErrorInChinese(code: string): string {
  switch (code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return '缩进或符号不正确';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return '键后缺少冒号，或值跨行未加引号';
    case 'UNEXPECTED_TOKEN':
      return '出现了意外的符号';
    case 'TAB_AS_INDENT':
      return '不能用 Tab 缩进，请改用空格';
    case 'BAD_ALIAS':
    case 'BAD_DQ_ESCAPE':
      return '引号或转义不正确';
    default:
      return '格式不正确';
  }
}
