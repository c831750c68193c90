/**
 * Completion inside the front matter: the schema's keys not yet present (required
 * first, with their descriptions), and the allowed values of the key on the current
 * line (the schema's enums, the rule set's categories, the category's sub-types).
 * Works line by line on the text, so it also helps while the YAML does not parse.
 */
import { documentStage, isSigned } from '../stage';
import { allowedValues, frontMatterKeyMarkdown, frontMatterValueMarkdown } from '../authoring/explain';
import { requiredKeys, schemaProperties } from '../checks/frontMatterSchema';
import type { RuleSet } from '../pack/ruleSet';
import type { CategoryRule } from '../pack/types';
import type { AgreementDocument } from '../parse';
import { escape } from '../authoring/snippets';
import type { CompletionCandidate } from './types';

const KEY_LINE = /^([^\s#:：][^:：]*?)[ \t]*[:：]/;

export function frontMatterCompletions(doc: AgreementDocument, rules: RuleSet, offset: number): CompletionCandidate[] {
  const { text, lines } = doc;
  const line = lines.positionAt(offset).line;
  const lineStart = lines.lineStarts[line];
  const lineEnd = lines.lineContentEnd(line);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  if (/^[ \t]/.test(before) || before.startsWith('#')) return [];
  const valueMatch = /^([^:：]+?)[ \t]*([:：])([ \t]*)(.*)$/.exec(before);
  if (valueMatch) return valueCompletions(doc, rules, offset, lineStart, lineEnd, valueMatch);
  if (/[:：]/.test(after)) return [];
  return keyCompletions(doc, rules, offset, lineStart, line, after);
}

function presentKeys(doc: AgreementDocument, exceptLine: number): Set<string> {
  const fm = doc.frontMatter;
  const keys = new Set<string>();
  const first = doc.lines.positionAt(fm.contentSpan.start).line;
  const last = doc.lines.positionAt(fm.contentSpan.end).line;
  for (let line = first; line < last; line++) {
    if (line === exceptLine) continue;
    const m = KEY_LINE.exec(doc.text.slice(doc.lines.lineStarts[line], doc.lines.lineContentEnd(line)));
    if (m) keys.add(m[1].trim());
  }
  return keys;
}

function keyCompletions(doc: AgreementDocument, rules: RuleSet, offset: number, lineStart: number, line: number, after: string): CompletionCandidate[] {
  const present = presentKeys(doc, line);
  const required = requiredKeys();
  const wordEnd = offset + (/^[^\s:：]*/.exec(after)?.[0].length ?? 0);
  return Object.keys(schemaProperties())
    .filter((key) => !present.has(key))
    .map((key, index) => {
      const isRequired = required.includes(key);
      return {
        label: key,
        kind: 'key' as const,
        detail: isRequired ? '必填' : '选填',
        documentation: frontMatterKeyMarkdown(key, rules) ?? undefined,
        insert: { start: lineStart, end: offset },
        replaceEnd: wordEnd,
        insertText: `${escape(key)}: ${valueSnippet(key, rules)}`,
        snippet: true,
        sortText: `${isRequired ? 0 : 1}-${String(isRequired ? required.indexOf(key) : index).padStart(3, '0')}`,
        preselect: undefined,
      };
    });
}

/** The value part of a new key line: a choice for enums and booleans, a placeholder otherwise. */
function valueSnippet(key: string, rules: RuleSet): string {
  const property = schemaProperties()[key] as { type?: string | string[]; format?: string; items?: { enum?: unknown[] } } | undefined;
  const values = allowedValues(key, undefined, rules);
  const choice = (list: string[]) => `\${1|${list.map((v) => v.replace(/[\\$}|,]/g, (c) => `\\${c}`)).join(',')}|}`;
  if (property?.items?.enum && values.length > 0) return `[${choice(values)}]`;
  if (values.length > 0) return choice(values);
  if (property?.type === 'boolean') return choice(['true', 'false']);
  // No date is suggested: a signing date is a fact only the officer knows.
  if (key === '签署日期') return '${1:待定}';
  return '$1';
}

function valueCompletions(
  doc: AgreementDocument,
  rules: RuleSet,
  offset: number,
  lineStart: number,
  lineEnd: number,
  match: RegExpExecArray,
): CompletionCandidate[] {
  const key = match[1].trim();
  const fullWidthColon = match[2] === '：';
  const category = currentCategory(doc, rules);
  let values = allowedValues(key, category, rules);
  const property = schemaProperties()[key] as { type?: string | string[]; items?: unknown } | undefined;
  if (values.length === 0 && property?.type === 'boolean') values = ['true', 'false'];
  // A date before signing: 待定 is the one value that asserts no fact (a real date is the officer's to write).
  const undecided = key === '签署日期' && values.length === 0 && !isSigned(documentStage({ ...doc.frontMatter.data, 签署日期: undefined }));
  if (undecided) values = ['待定'];
  if (values.length === 0) return [];
  if (property?.items) {
    // A list value: complete the item being typed after “[” or “,”.
    return listItemCompletions(doc, rules, key, values, offset, lineStart, match);
  }
  if (key === '文种' && category?.docTypes) values = [...category.docTypes.filter((v) => values.includes(v)), ...values.filter((v) => !category.docTypes!.includes(v))];
  const valueStart = lineStart + match[0].length - match[4].length;
  const colonAt = valueStart - match[3].length - 1;
  // A full-width colon is not YAML: replace it along with the value. No blank after the colon: add one.
  const start = fullWidthColon ? colonAt : valueStart;
  const lead = fullWidthColon ? ': ' : match[3].length === 0 ? ' ' : '';
  return values.map((value, i) => ({
    label: value,
    kind: 'value' as const,
    detail: key,
    documentation: undecided ? '尚未签署时写“待定”；签署后写明实际日期，如 2026年1月10日 或 2026-01-10。' : (frontMatterValueMarkdown(rules, key, value, category) ?? undefined),
    insert: { start, end: offset },
    replaceEnd: lineEnd,
    insertText: `${lead}${value}`,
    snippet: false,
    filterText: fullWidthColon ? `：${match[3]}${value}` : value,
    sortText: String(i).padStart(3, '0'),
  }));
}

function listItemCompletions(doc: AgreementDocument, rules: RuleSet, key: string, values: string[], offset: number, lineStart: number, match: RegExpExecArray): CompletionCandidate[] {
  const valueStart = lineStart + match[0].length - match[4].length;
  const typed = doc.text.slice(valueStart, offset);
  if (!typed.startsWith('[')) return [];
  const itemStart = valueStart + Math.max(typed.lastIndexOf('['), typed.lastIndexOf(','), typed.lastIndexOf('，')) + 1;
  const blank = /^[ \t]*/.exec(doc.text.slice(itemStart, offset))![0].length;
  const chosen = typed.slice(1).split(/[,，]/).map((v) => v.trim());
  return values
    .filter((v) => !chosen.includes(v))
    .map((value, i) => ({
      label: value,
      kind: 'value' as const,
      detail: key,
      documentation: frontMatterValueMarkdown(rules, key, value) ?? undefined,
      insert: { start: itemStart + blank, end: offset },
      replaceEnd: offset,
      insertText: value,
      snippet: false,
      sortText: String(i).padStart(3, '0'),
    }));
}

export function currentCategory(doc: AgreementDocument, rules: RuleSet): CategoryRule | undefined {
  const name = doc.frontMatter.data['类别'];
  if (typeof name === 'string') return rules.categories.get(name.trim());
  // The YAML may not parse while the officer types: read 类别 from its line.
  const m = /^类别[ \t]*[:：][ \t]*(\S+)/m.exec(doc.text.slice(doc.frontMatter.contentSpan.start, doc.frontMatter.contentSpan.end));
  return m ? rules.categories.get(m[1]) : undefined;
}
