/**
 * The agreement text the core analyses for a Word file: a front matter (values the
 * officer gave, else values inferred from the text, each inferred line marked with a YAML
 * comment), then one line per kept paragraph — the title as `# 标题`, a heading styled in
 * Word but not numbered as `## …`, everything else as the officer sees it.
 */
import { stringify } from 'yaml';
import type { ExtractedWord, WordParagraph } from '../model';

/** Front-matter keys in the order officers write them; others follow in the order given. */
const KEY_ORDER = ['文种', '类别', '标题', '甲方', '乙方', '丙方', '丁方', '戊方', '乙方性质', '牵头单位', '签署人', '签署日期'];

export const INFERRED_MARK = '由正文推断，请核对';

export interface ComposeInput {
  paragraphs: Array<Omit<WordParagraph, 'textStart'> & { linePrefix: string }>;
  inferred: Record<string, string>;
  /** Values given by the officer (sidecar file, command-line options): they win. */
  explicit: Record<string, unknown>;
  notes: string[];
}

function yamlLine(key: string, value: unknown): string {
  return `${key}: ${stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim().replace(/\n/g, ' ')}`;
}

export function composeText(input: ComposeInput): ExtractedWord {
  const values: Record<string, unknown> = { ...input.inferred, ...input.explicit };
  const inferred: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.inferred)) if (!Object.hasOwn(input.explicit, key)) inferred[key] = value;
  const keys = [...KEY_ORDER.filter((k) => Object.hasOwn(values, k)), ...Object.keys(values).filter((k) => !KEY_ORDER.includes(k))];
  const lines = ['---'];
  for (const key of keys) {
    if (values[key] === undefined || values[key] === null) continue;
    lines.push(yamlLine(key, values[key]) + (Object.hasOwn(inferred, key) ? `  # ${INFERRED_MARK}` : ''));
  }
  lines.push('---');
  let text = lines.join('\n') + '\n';
  const bodyStart = text.length;
  const paragraphs: WordParagraph[] = [];
  for (const { linePrefix, ...p } of input.paragraphs) {
    paragraphs.push({ ...p, textStart: text.length + linePrefix.length });
    text += linePrefix + p.text + '\n';
  }
  const notes = [...input.notes];
  const inferredKeys = Object.keys(inferred);
  if (inferredKeys.length > 0) notes.unshift(`以下文件头取值由正文推断，请核对：${inferredKeys.map((k) => `${k}（${inferred[k]}）`).join('、')}。如有不符或缺项，可写在与 Word 文件同名的 .agreement.yaml 文件中（如 草稿.docx.agreement.yaml），命令行也可用 --set 键=值。`);
  return { text, bodyStart, paragraphs, inferred, notes };
}
