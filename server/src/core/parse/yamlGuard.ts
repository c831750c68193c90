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

/**
 * Keys repeated within one mapping, in document order (the second and later occurrences),
 * found in linear time. The yaml package's own `uniqueKeys` check compares every pair of
 * keys, which takes seconds on a mapping of tens of thousands of keys; a hostile file can
 * be made of nothing else. Only scalar keys are compared (complex keys are refused anyway).
 */
export function duplicateKeys(doc: Document.Parsed, limit = 20): Array<{ key: string; node: YamlNode }> {
  const found: Array<{ key: string; node: YamlNode }> = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0 && found.length < limit) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        stack.push(pair.value);
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key)) found.push({ key, node: pair.key as YamlNode });
        else seen.add(key);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  return found.sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0));
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
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
    const lineOf = (offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;
    const error = doc.errors[0];
    if (error) return { ok: false, message: `不是有效的 YAML：${error.message.split('\n')[0]}（第 ${lineOf(error.pos[0])} 行）` };
    if (firstComplexKey(doc)) return { ok: false, message: '键应为简单文字，不能是列表、映射或别名' };
    const duplicate = duplicateKeys(doc, 1)[0];
    if (duplicate) return { ok: false, message: `不是有效的 YAML：键“${duplicate.key}”重复（第 ${lineOf(duplicate.node.range?.[0] ?? 0)} 行）` };
    return { ok: true, data: doc.toJS({ maxAliasCount }) };
  } catch (error) {
    return { ok: false, message: `不是有效的 YAML：${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
