/**
 * Chinese Markdown that explains findings, sections and front-matter keys and values,
 * shared by hover and completion. Pure: no LSP types, only strings.
 */
import { schemaProperties, requiredKeys } from '../checks/frontMatterSchema';
import { categoryNames, docTypeNames } from '../checks/frontMatterValues';
import type { RuleSet } from '../pack/ruleSet';
import type { CategoryRule, SectionRule, Severity } from '../pack/types';
import type { Finding, ResolvedCitation } from '../types';
import { fixesOf } from '../fixes/onDemand';

const SEVERITY_NAME: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };

/** Escape text so Markdown shows it as written (headings named `*重点*`, amounts with `_` …). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`).replace(/^([ \t]*)([-+]|\d+\.)(?=[ \t])/gm, '$1\\$2');
}

/** `**依据**：河北政办〔2017〕47号《…》 二(四)` and the provision's words as a quotation. */
export function citationMarkdown(c: ResolvedCitation, label = '依据'): string {
  const head = [c.docNumber, `《${c.title}》`, c.article].filter(Boolean).map(escapeMarkdown).join(' ');
  const words = c.text ? `\n\n${quote(c.text)}` : '';
  return `**${label}**：${head}${words}`;
}

function quote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n>\n');
}

/** A finding: rule id and severity, what is wrong and what to do, the citation, the national provisions behind it. */
export function findingMarkdown(finding: Finding): string {
  const lines = [`**${finding.rule}**（${SEVERITY_NAME[finding.severity]}）`, '', escapeMarkdown(finding.message)];
  const fixes = fixesOf(finding).map((f) => f.title);
  if (fixes.length > 0) lines.push('', `可一键修复：${fixes.map(escapeMarkdown).join('；')}`);
  if (finding.citation) lines.push('', citationMarkdown(finding.citation));
  for (const extra of finding.seeAlso ?? []) lines.push('', citationMarkdown(extra, '另见'));
  return lines.join('\n');
}

/** What a section must contain in a category, and the provision that says so. */
export function sectionMarkdown(rules: RuleSet, category: CategoryRule, rule: SectionRule, withCitation = true): string {
  const kind = rule.required === false ? '选写部分' : '必备部分';
  const lines = [`**${escapeMarkdown(rule.name)}**（${escapeMarkdown(category.name)}类${kind}）`];
  if (rule.aliases?.length) lines.push('', `也可写作：${rule.aliases.map(escapeMarkdown).join('、')}`);
  lines.push('', '应写明：', '', quote(rule.skeleton.trim()));
  if (rule.elements?.length) {
    const where = rule.elementsPerItem ? '每个子项须写明' : '须写明';
    lines.push('', `${where}：${rule.elements.map((e) => escapeMarkdown(e.name)).join('、')}`);
  }
  const citation = withCitation ? rules.resolve(rule.citation) : undefined;
  if (citation) lines.push('', citationMarkdown(citation));
  return lines.join('\n');
}

/** A front-matter key: required or not, and the schema description (which names its provision). */
export function frontMatterKeyMarkdown(key: string, rules?: Pick<RuleSet, 'categories'>): string | null {
  const property = schemaProperties()[key];
  if (!property?.description) return null;
  const required = requiredKeys().includes(key) ? '必填' : '选填';
  const values = allowedValues(key, undefined, rules);
  const lines = [`**${escapeMarkdown(key)}**（文件头，${required}）`, '', escapeMarkdown(property.description)];
  if (values.length > 0) lines.push('', `可选值：${values.map(escapeMarkdown).join('、')}`);
  return lines.join('\n');
}

/**
 * A front-matter value: for 类别, the category's description, its required sections
 * and its provision; for the category's sub-type key, the sub-type; for other
 * enumerated keys, the key's description and the allowed values. Null when the
 * key has nothing to say about its value.
 */
export function frontMatterValueMarkdown(rules: RuleSet, key: string, value: unknown, category?: CategoryRule): string | null {
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (key === '类别' && text) {
    const described = rules.categories.get(text);
    if (!described) return null;
    const sections = described.sections.filter((s) => s.required !== false).map((s) => escapeMarkdown(s.name));
    const lines = [`**类别：${escapeMarkdown(text)}**`, '', escapeMarkdown(described.description), '', `必备部分：${sections.join('、')}`];
    if (described.docTypes?.length) lines.push('', `通常的文种：${described.docTypes.map(escapeMarkdown).join('、')}`);
    const citation = rules.resolve(described.citation);
    if (citation) lines.push('', citationMarkdown(citation));
    return lines.join('\n');
  }
  const values = allowedValues(key, category, rules);
  if (values.length === 0 || text === undefined) return null;
  const description = schemaProperties()[key]?.description;
  const status = values.includes(text) ? '' : '（不在可选值中）';
  const lines = [`**${escapeMarkdown(key)}：${escapeMarkdown(text)}**${status}`];
  if (description) lines.push('', escapeMarkdown(description));
  lines.push('', `可选值：${values.map((v) => (v === text ? `**${escapeMarkdown(v)}**` : escapeMarkdown(v))).join('、')}`);
  return lines.join('\n');
}

/** Allowed values of a key: 类别 and 文种 from the rule set; else the schema's enum (or its items' enum), and the category's sub-types. */
export function allowedValues(key: string, category?: CategoryRule, rules?: Pick<RuleSet, 'categories'>): string[] {
  if (key === '类别') return rules ? categoryNames(rules) : [];
  if (key === '文种') return docTypeNames(rules ?? { categories: new Map() });
  const property = schemaProperties()[key] as { enum?: unknown[]; items?: { enum?: unknown[] }; type?: string | string[] } | undefined;
  const values = (property?.enum ?? property?.items?.enum ?? []).map(String);
  if (category?.subTypeKey === key && category.subTypes) for (const v of category.subTypes) if (!values.includes(v)) values.push(v);
  return values;
}

