/**
 * The contributed snippets (`snippets/agreement.json`), generated from the rule
 * packs by `scripts/generate-snippets.mjs` so they never drift from the packs:
 *  - per category, the whole document (front matter, every required section with
 *    text telling the officer what to write), prefixes `xy-qyjt` and `企业集团协议`;
 *  - per section, the heading and its body, prefixes `zj-hzyz` and `合作原则`;
 *  - the inline disable / enable comments.
 */
import { citationLabel } from '../citation';
import { buildRuleSet, type RuleSet } from '../pack/ruleSet';
import type { RulePack } from '../pack/types';
import { docTypeWords } from './docTypeWords';
import { pinyinInitials } from './pinyin';
import { buildSkeleton, sectionBody, yamlScalar, type Skeleton } from './skeleton';

export interface VsCodeSnippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** Every snippet, in a stable order (categories in pack order, then sections, then directives). */
export function buildSnippets(packs: RulePack[]): Record<string, VsCodeSnippet> {
  const rules = buildRuleSet(packs);
  const out: Record<string, VsCodeSnippet> = {};
  for (const category of rules.categories.values()) {
    const skeleton = buildSkeleton(rules, category);
    const words = docTypeWords(skeleton.docType);
    const initials = pinyinInitials(category.name);
    const chinese = [`${category.name}协议`, category.name.endsWith(words.self) ? category.name : `${category.name}${words.self}`];
    const citation = rules.resolve(category.citation);
    out[`全文：${category.name}`] = {
      prefix: unique([...(initials ? [`xy-${initials}`] : []), ...chinese]),
      body: skeletonSnippet(skeleton),
      description: `${category.name}类${skeleton.docType}全文框架：文件头，${skeleton.sections.map((s) => s.name).join('、')}。${category.description}${citation ? `（依据：${citationLabel(citation)}）` : ''}`,
    };
  }
  Object.assign(out, sectionSnippets(rules));
  Object.assign(out, directiveSnippets(rules));
  return out;
}

/** The file's exact text: two-space JSON and a final line break. */
export function snippetsJson(packs: RulePack[]): string {
  return `${JSON.stringify(buildSnippets(packs), null, 2)}\n`;
}

function sectionSnippets(rules: RuleSet): Record<string, VsCodeSnippet> {
  // One snippet per distinct (name, body); a name with several bodies names its categories.
  const variants = new Map<string, Array<{ body: string; categories: string[]; citation?: string }>>();
  for (const category of rules.categories.values()) {
    for (const rule of category.sections) {
      const body = sectionBody(rules, rule);
      const list = variants.get(rule.name) ?? [];
      const same = list.find((v) => v.body === body);
      const resolved = rules.resolve(rule.citation);
      if (same) same.categories.push(category.name);
      else list.push({ body, categories: [category.name], citation: resolved ? citationLabel(resolved) : undefined });
      variants.set(rule.name, list);
    }
  }
  const out: Record<string, VsCodeSnippet> = {};
  for (const [name, list] of variants) {
    const initials = pinyinInitials(name);
    for (const variant of list) {
      const which = variant.categories.join('、');
      const key = list.length > 1 ? `部分：${name}（${which}）` : `部分：${name}`;
      out[key] = {
        prefix: unique([...(initials ? [`zj-${initials}`] : []), name]),
        body: [`\${1:一}、${escape(name)}`, ...placeholder(2, variant.body)],
        description: `“${name}”一节（${which}类）：标题和应写明的内容。${variant.citation ? `依据：${variant.citation}` : ''}`,
      };
    }
  }
  return out;
}

function directiveSnippets(rules: RuleSet): Record<string, VsCodeSnippet> {
  const ids = unique([...rules.clauses.map((c) => c.rule.id), ...rules.checks.map((c) => c.id), 'section/missing', 'section/order', 'section/numbering', 'element/missing']).sort();
  const choice = `\${1|${ids.map((id) => id.replace(/[,|\\$}]/g, (c) => `\\${c}`)).join(',')}|}`;
  return {
    停用规则: {
      prefix: ['agreement-disable', 'ty-gz', '停用规则'],
      body: [`<!-- agreement-disable ${choice} -- \${2:理由} -->`, '$0', '<!-- agreement-enable -->'],
      description: '在一段文字中停用某条规则（须写明理由），到 agreement-enable 为止。',
    },
    停用下一行规则: {
      prefix: ['agreement-disable-next-line', 'ty-xyh', '停用下一行'],
      body: [`<!-- agreement-disable-next-line ${choice} -- \${2:理由} -->`],
      description: '只对下一行停用某条规则（须写明理由）。',
    },
  };
}

/** The document skeleton as snippet lines: the officer tabs through 文种, 标题, 甲方, 乙方 … and each section's body. */
export function skeletonSnippet(skeleton: Skeleton): string[] {
  let stop = 0;
  const titleStop = { n: 0 };
  const lines = ['---'];
  for (const line of skeleton.frontMatter) {
    let value: string;
    if (line.choices) value = `\${${++stop}|${line.choices.map((c) => escapeChoice(yamlScalar(c))).join(',')}|}`;
    else if (line.today) value = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';
    else if (line.placeholder) value = `\${${++stop}:${escape(line.value)}}`;
    else value = escape(yamlScalar(line.value));
    if (line.key === '标题' && line.placeholder) titleStop.n = stop;
    lines.push(`${escape(line.key)}: ${value}`);
  }
  lines.push('---', `# ${titleStop.n > 0 ? `$${titleStop.n}` : escape(skeleton.title)}`, '', ...placeholder(++stop, skeleton.preamble), '');
  for (const section of skeleton.sections) {
    lines.push(`${section.marker}${escape(section.name)}`, ...placeholder(++stop, section.body), '');
  }
  if (skeleton.closing.length > 0) lines.push(...skeleton.closing.map(escape), '');
  lines.push('$0');
  return lines;
}

/** A multi-line placeholder as snippet lines. */
function placeholder(n: number, text: string): string[] {
  return `\${${n}:${escape(text)}}`.split('\n');
}

/** Escape text for a snippet body: `$`, `}` and `\` are special. */
export function escape(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/**
 * The text a snippet inserts when every placeholder keeps its default: for clients
 * without snippet support, and for tests. `today` fills $CURRENT_YEAR/MONTH/DATE.
 */
export function snippetToText(snippet: string, today = '2025-01-01'): string {
  const [year, month, date] = today.split('-');
  // Variables, and each tab stop's default once read (a later `$2` mirrors `${2:…}`).
  const variables: Record<string, string> = { CURRENT_YEAR: year, CURRENT_MONTH: month, CURRENT_DATE: date };
  let out = '';
  let i = 0;
  const readUntil = (close: string): string => {
    let text = '';
    while (i < snippet.length && snippet[i] !== close) {
      if (snippet[i] === '\\' && i + 1 < snippet.length) {
        text += snippet[i + 1];
        i += 2;
      } else if (snippet[i] === '$') {
        text += readDollar();
      } else {
        text += snippet[i++];
      }
    }
    i++;
    return text;
  };
  const readDollar = (): string => {
    i++;
    const simple = /^(\d+|[A-Z_]+)/.exec(snippet.slice(i));
    if (simple) {
      i += simple[0].length;
      return variables[simple[0]] ?? '';
    }
    if (snippet[i] !== '{') return '$';
    i++;
    const head = /^(\d+|[A-Z_]+)/.exec(snippet.slice(i))?.[0] ?? '';
    i += head.length;
    if (snippet[i] === '}') {
      i++;
      return variables[head] ?? '';
    }
    if (snippet[i] === '|') {
      i++;
      const choices = readUntil('|');
      i++; // the closing brace
      return (variables[head] = choices.split(',')[0]);
    }
    i++; // the colon
    return (variables[head] = readUntil('}'));
  };
  while (i < snippet.length) {
    if (snippet[i] === '\\' && i + 1 < snippet.length && '\\$}'.includes(snippet[i + 1])) {
      out += snippet[i + 1];
      i += 2;
    } else if (snippet[i] === '$') {
      out += readDollar();
    } else {
      out += snippet[i++];
    }
  }
  return out;
}
