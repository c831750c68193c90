import { CST, isMap, isPair, isScalar, isSeq, Lexer, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Span } from '../types';

/**
 * Guards run before and after the `yaml` package touches untrusted text (front
 * matter, workspace rule packs). The package composes nested collections
 * recursively: a few thousand `[` or `- ` overflow the stack, and a stack
 * overflow inside V8's lazy regex compilation can later abort the whole process.
 * Complex keys (`? ? ? x`) make `toJS` stringify keys at every level, which grows
 * exponentially. Front matter and packs need neither, so both are refused.
 */

/** Nesting deeper than this is refused before parsing. Real front matter nests 2–3 levels, packs about 10. */
export const MAX_YAML_DEPTH = 64;

const CONTROL = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);
const BLOCK_INDICATORS = new Set(['seq-item-ind', 'explicit-key-ind', 'map-value-ind']);

/**
 * The span of the first token nested deeper than `max`, or null. Uses the
 * package's own lexer (a linear, non-recursive state machine), so it sees the
 * same structure the parser will. Depth is an estimate: open flow brackets plus
 * block indicators (`-`, `?`, `:`) stacked by increasing column.
 */
export function yamlTooDeep(source: string, max = MAX_YAML_DEPTH): Span | null {
  let offset = 0;
  let lineStart = 0;
  let flow = 0;
  const columns: number[] = [];
  for (const token of new Lexer().lex(source)) {
    if (CONTROL.has(token)) continue;
    const start = offset;
    offset += token.length;
    const type = CST.tokenType(token);
    if (type === 'newline') {
      lineStart = offset;
      continue;
    }
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
    else if (type !== null && BLOCK_INDICATORS.has(type) && flow === 0) {
      const column = start - lineStart;
      while (columns.length > 0 && columns[columns.length - 1] >= column) columns.pop();
      columns.push(column);
    } else {
      // Block scalars and multi-line quoted scalars may carry line breaks inside one token.
      const lastBreak = Math.max(token.lastIndexOf('\n'), token.lastIndexOf('\r'));
      if (lastBreak >= 0) lineStart = start + lastBreak + 1;
      continue;
    }
    if (flow + columns.length > max) return { start, end: Math.min(source.length, start + Math.max(1, token.length)) };
  }
  return null;
}

/**
 * The first mapping key that is not a plain scalar (a collection or an alias), or
 * null. Walks the parsed tree without recursion.
 */
export function firstComplexKey(doc: Document.Parsed): YamlNode | null {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const pair of node.items) {
        if (pair.key !== null && pair.key !== undefined && !isScalar(pair.key)) return pair.key as YamlNode;
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
      for (const item of node.items) if (isPair(item) && item.key !== null && !isScalar(item.key)) return item.key as YamlNode;
    }
  }
  return null;
}

export type UntrustedYaml = { ok: true; data: unknown } | { ok: false; message: string };

/**
 * Parse YAML from an untrusted file (a workspace pack, `.agreementrc.yaml`) with every
 * guard: nesting depth before parsing, the first syntax error with its line, no
 * complex keys, bounded alias expansion. Never throws; messages are Chinese.
 */
export function parseUntrustedYaml(text: string, maxAliasCount = 100): UntrustedYaml {
  if (yamlTooDeep(text)) return { ok: false, message: `嵌套过深（超过 ${MAX_YAML_DEPTH} 层）` };
  try {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
    const error = doc.errors[0];
    if (error) {
      const line = text.slice(0, error.pos[0]).split(/\r\n|\r|\n/).length;
      return { ok: false, message: `不是有效的 YAML：${error.message.split('\n')[0]}（第 ${line} 行）` };
    }
    if (firstComplexKey(doc)) return { ok: false, message: '键应为简单文字，不能是列表、映射或别名' };
    return { ok: true, data: doc.toJS({ maxAliasCount }) };
  } catch (error) {
    return { ok: false, message: `不是有效的 YAML：${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
