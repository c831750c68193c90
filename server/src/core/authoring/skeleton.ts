/**
 * A new document for a category, as data: front matter, title, opening sentence,
 * every required section (heading plus the pack's skeleton text, with each element
 * the section must name), and the closing formalities. One model, two renderings:
 * plain text (the 新建协议文书 command) and a VS Code snippet (snippets/agreement.json).
 */
import { requiredKeys, schemaProperties } from '../checks/frontMatterSchema';
import { sectionBody } from '../checks/elements';
import { yamlScalar } from './yamlScalar';
import { citationLabel } from '../citation';
import { formatMarker } from '../fixes/numbering';
import type { RuleSet } from '../pack/ruleSet';
import type { CategoryRule, SectionRule } from '../pack/types';
import { docTypeWords } from './docTypeWords';
import { appliesToDocType } from '../docTypeScope';

export interface SkeletonOptions {
  docType?: string;
  title?: string;
  partyA?: string;
  partyB?: string;
  lead?: string;
  /** 签署日期 as the officer gave it; without it 待定. */
  date?: string;
  subType?: string;
}

export interface FrontMatterLine {
  key: string;
  value: string;
  /** The value is a placeholder the officer must replace. */
  placeholder: boolean;
  /** Allowed values, when the officer should pick one. */
  choices?: string[];
  /** The value is today's date (snippets use $CURRENT_YEAR …). */
  today?: boolean;
}

export interface SkeletonSection {
  rule: SectionRule;
  marker: string;
  name: string;
  body: string;
  /** `河北政办〔2017〕47号 二(四)`, when the citation resolves. */
  citation?: string;
}

export interface Skeleton {
  category: string | undefined;
  docType: string;
  frontMatter: FrontMatterLine[];
  title: string;
  titleIsPlaceholder: boolean;
  preamble: string;
  sections: SkeletonSection[];
  /** Closing lines (一式几份, signature block); empty for unsigned 文种. */
  closing: string[];
}

const PLACEHOLDER: Record<string, string> = {
  标题: '（协议全称）',
  甲方: '（甲方全称）',
  乙方: '（乙方全称）',
  牵头单位: '（牵头单位名称）',
};

/** The skeleton of a new document of `category` (or of no known category: front matter only). */
export function buildSkeleton(rules: RuleSet, category: CategoryRule | undefined, options: SkeletonOptions = {}): Skeleton {
  const docTypes = docTypeChoices(category);
  const docType = options.docType?.trim() || docTypes[0];
  const words = docTypeWords(docType);
  // A name typed into an input box is one line: a line break (or other control character) inside it would break the title line.
  const given = (value: string | undefined) => {
    const line = value?.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
    return line && line.length > 0 ? line : undefined;
  };
  const partyA = given(options.partyA);
  const partyB = given(options.partyB);
  const title = given(options.title) ?? (partyA && partyB ? `${partyA}与${partyB}${words.titleSuffix}` : undefined);

  const frontMatter: FrontMatterLine[] = [
    { key: '文种', value: docType, placeholder: false, choices: docTypes.length > 1 ? moveFirst(docTypes, docType) : undefined },
    // No category is guessed: without one, a placeholder the officer replaces.
    { key: '类别', value: category?.name ?? '（选择类别）', placeholder: category === undefined },
  ];
  if (category?.subTypeKey) {
    const subTypes = category.subTypes ?? enumOf(category.subTypeKey);
    const subType = given(options.subType) ?? subTypes[0] ?? '';
    frontMatter.push({ key: category.subTypeKey, value: subType, placeholder: false, choices: subTypes.length > 1 ? moveFirst(subTypes, subType) : undefined });
  }
  const values: Record<string, string | undefined> = { 标题: title, 甲方: partyA, 乙方: partyB, 牵头单位: given(options.lead), 签署日期: given(options.date) };
  for (const key of requiredKeys()) {
    if (key === '文种' || key === '类别') continue;
    const value = values[key];
    frontMatter.push({ key, value: value ?? PLACEHOLDER[key] ?? '（待填写）', placeholder: value === undefined });
  }
  // A 友好城市 agreement is foreign-related by its category (47号 二(五)); such agreements should
  // preferably choose Chinese law (一(二)2) — the officer may change the choice.
  if (category?.name === '友好城市') frontMatter.push({ key: '适用法律', value: '中华人民共和国法律', placeholder: false });
  // A new document is a draft: no signing date is made up (待定 until the officer writes it).
  frontMatter.push({ key: '签署日期', value: values['签署日期'] ?? '待定', placeholder: values['签署日期'] === undefined });
  frontMatter.push({ key: '阶段', value: values['签署日期'] ? '已签署' : '起草', placeholder: false });

  const sections = (category?.sections ?? [])
    .filter((section) => section.required !== false && appliesToDocType(section.docTypes, docType, category))
    .map((rule, i) => {
      const resolved = rules.resolve(rule.citation);
      return { rule, marker: formatMarker('cn-dun', i + 1), name: rule.name, body: sectionBody(rules, rule), citation: resolved ? citationLabel(resolved) : undefined };
    });
  const closing = words.signed
    ? [`本${words.self}一式×份，甲乙双方各执×份，自双方签字盖章之日起生效。`, '', `甲方（盖章）：${partyA ?? ''}`, `乙方（盖章）：${partyB ?? ''}`]
    : [];
  return {
    category: category?.name,
    docType,
    frontMatter,
    title: title ?? PLACEHOLDER['标题'],
    titleIsPlaceholder: title === undefined,
    preamble: words.preamble,
    sections,
    closing,
  };
}

/** The skeleton as document text, with the given line break. */
export function skeletonText(skeleton: Skeleton, eol = '\n'): string {
  const out = ['---', ...skeleton.frontMatter.map((line) => `${line.key}: ${yamlScalar(line.value)}`), '---', `# ${skeleton.title}`, '', skeleton.preamble, ''];
  for (const section of skeleton.sections) out.push(`${section.marker}${section.name}`, section.body, '');
  if (skeleton.closing.length > 0) out.push(...skeleton.closing, '');
  return out.join('\n').replace(/\n/g, eol);
}

export { yamlScalar };

function docTypeChoices(category: CategoryRule | undefined): string[] {
  const all = enumOf('文种');
  const preferred = category?.docTypes?.filter((t) => t.length > 0) ?? [];
  return preferred.length > 0 ? preferred : all.length > 0 ? all : ['协议书'];
}

function enumOf(key: string): string[] {
  return (schemaProperties()[key]?.enum ?? []).map(String);
}

function moveFirst(list: string[], first: string): string[] {
  return [first, ...list.filter((x) => x !== first)];
}

export { sectionBody };
