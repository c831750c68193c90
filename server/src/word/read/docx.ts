/**
 * `readDocx`: a .docx package to the text the core analyses. Body paragraphs of
 * word/document.xml in document order (table cells included; headers, footers, footnotes
 * and comments live in other parts and are not read as body), automatic numbering rendered
 * from numbering.xml, titles and headings from styles and outline levels, and a front
 * matter inferred from the text unless the officer gave the values.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { matchHeading } from '../../core/parse/headings';
import type { ExtractedWord, WordParagraph } from '../model';
import { composeText, type ComposeInput } from './compose';
import { SAVE_AS_DOCX, WordReadError } from './errors';
import { inferFrontMatter } from './infer';
import { Numbering } from './numbering';
import { MAX_PART_BYTES, openPackage, PackageTooLarge, type OpcPackage } from './package';
import { paragraphText } from './paragraphText';
import { readNumPr, readStyles, type Styles } from './styles';
import { ancestorNamed, child, childVal, intVal, parseXml } from './xml';

export const DOCUMENT_PART = 'word/document.xml';

export interface ReadOptions {
  /** Front-matter values the officer gave; they win over inferred ones. */
  explicit?: Record<string, unknown>;
}

type Draft = ComposeInput['paragraphs'][number];
type ReadParagraph = Draft & { centred: boolean };

const OUTSIDE_BODY = new Set(['w:txbxContent', 'mc:Fallback', 'w:del', 'w:moveFrom']);
const LEVEL_OF_STYLE: Record<string, number> = { 'cn-dun': 1, chapter: 1, article: 1, 'cn-paren': 2, arabic: 3, 'arabic-paren': 4 };
const DOC_TYPE_WORD = /(协议书?|议定书|意向书|备忘录|宣言|方案|合同书?)$/;

async function xmlPart(pkg: OpcPackage, part: string, required: boolean): Promise<Document | null> {
  let text: string | null;
  try {
    text = await pkg.text(part);
  } catch (error) {
    if (error instanceof PackageTooLarge) throw new WordReadError(`Word 文件中的 ${part} 解压后过大（超过 ${MAX_PART_BYTES / 1024 / 1024} MB），疑似损坏或压缩炸弹，未检查。请确认文件来源，或另存为较小的 .docx 后再检查。`);
    throw new WordReadError(`Word 文件已损坏，无法解压 ${part}：${(error as Error).message}。${SAVE_AS_DOCX}`);
  }
  if (text === null) {
    if (required) throw new WordReadError(`这是一个 zip 压缩包，但不是 Word 文档（缺少 ${part}）。${SAVE_AS_DOCX}`);
    return null;
  }
  const parsed = parseXml(text);
  if (!parsed.ok) {
    if (required) throw new WordReadError(`Word 文件的 ${part} 不是有效的 XML（${parsed.message}），文件可能已损坏。${SAVE_AS_DOCX}`);
    return null;
  }
  return parsed.doc;
}

export async function readDocx(bytes: Uint8Array, options: ReadOptions = {}): Promise<ExtractedWord> {
  let pkg: OpcPackage;
  try {
    pkg = await openPackage(bytes);
  } catch (error) {
    throw new WordReadError(`无法作为 Word 文档（.docx）打开：${(error as Error).message}。${SAVE_AS_DOCX}`);
  }
  const documentXml = await xmlPart(pkg, DOCUMENT_PART, true);
  const styles = readStyles(await xmlPart(pkg, 'word/styles.xml', false));
  const numbering = new Numbering(await xmlPart(pkg, 'word/numbering.xml', false), styles);
  const body = documentXml!.documentElement ? child(documentXml!.documentElement, 'w:body') : null;
  if (!body) throw new WordReadError(`Word 文件的正文（${DOCUMENT_PART}）没有 w:body，文件可能已损坏。${SAVE_AS_DOCX}`);

  const drafts = readParagraphs(documentXml!, body, styles, numbering);
  markTitle(drafts);
  const title = drafts.find((d) => d.kind === 'title')?.text ?? null;
  const inferred = inferFrontMatter({ title, paragraphs: drafts.filter((d) => d.kind !== 'title').map((d) => d.text) });
  const notes: string[] = [];
  const comments = await countComments(pkg);
  if (comments > 0) notes.push(`文件中已有 ${comments} 条批注，批注内容不作为正文检查。`);
  return composeText({ paragraphs: drafts.map(withLinePrefix), inferred, explicit: options.explicit ?? {}, notes });
}

function readParagraphs(doc: Document, body: Element, styles: Styles, numbering: Numbering): ReadParagraph[] {
  const all = doc.getElementsByTagName('w:p');
  const drafts: ReadParagraph[] = [];
  for (let ordinal = 0; ordinal < all.length; ordinal++) {
    const p = all[ordinal];
    if (ancestorNamed(p, OUTSIDE_BODY, body) || !isInside(p, body)) continue;
    const pPr = child(p, 'w:pPr');
    const styleId = childVal(pPr, 'w:pStyle');
    const style = styles.get(styleId) ?? styles.defaultStyle;
    const own = readNumPr(pPr);
    const numId = own?.numId ?? style?.numbering?.numId ?? null;
    const ilvl = own?.ilvl ?? (own?.numId != null ? null : style?.numbering?.ilvl ?? null);
    const numbered = numId !== null ? numbering.next(numId, ilvl, style?.id ?? styleId) : null;
    const { text: raw, runs } = paragraphText(p);
    const content = raw.replace(/[\u0000-\u0008\u000a-\u001f\u2028\u2029]/g, ' ');
    const prefix = numbered?.prefix ?? '';
    const text = prefix + content;
    if (text.trim() === '') continue;
    const outline = intVal(childVal(pPr, 'w:outlineLvl'));
    const styleLevel = outline !== null ? (outline >= 0 && outline <= 8 ? outline + 1 : null) : (style?.headingLevel ?? null);
    const inTable = ancestorNamed(p, new Set(['w:tc']), body) !== null;
    const heading = matchHeading(text);
    let kind: WordParagraph['kind'] = inTable ? 'table' : 'body';
    let level: number | undefined;
    if (!inTable && styleLevel !== null) {
      kind = 'heading';
      level = heading && heading.style !== 'markdown' ? LEVEL_OF_STYLE[heading.style] : styleLevel;
    } else if (!inTable && numbered && heading && heading.style !== 'markdown') {
      kind = 'heading';
      level = LEVEL_OF_STYLE[heading.style];
    }
    if (!inTable && style?.isTitle) kind = 'title';
    const centred = childVal(pPr, 'w:jc') === 'center';
    drafts.push({ index: drafts.length, part: DOCUMENT_PART, ordinal, text, numberingPrefix: prefix, kind, ...(level !== undefined ? { level } : {}), runs: runs.map((r) => ({ ...r, start: r.start + prefix.length, end: r.end + prefix.length })), linePrefix: '', centred });
  }
  return drafts;
}

function isInside(node: Element, root: Element): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (p === root) return true;
  return false;
}

/**
 * One title at most: the first paragraph in the Title style; else the first paragraph when it
 * is centred, or names a 文种 without ending a sentence. Any other Title-styled paragraph is body.
 */
function markTitle(drafts: ReadParagraph[]): void {
  let titled = false;
  for (const d of drafts) {
    if (d.kind === 'title') {
      if (titled) d.kind = 'body';
      titled = true;
    }
  }
  const first = drafts[0];
  if (!titled && first && first.kind !== 'table' && first.numberingPrefix === '') {
    const short = first.text.length <= 80 && !/[。；：:]$/.test(first.text.trim());
    if (short && (first.centred || DOC_TYPE_WORD.test(first.text.trim()))) first.kind = 'title';
  }
}

function withLinePrefix({ centred: _, ...d }: ReadParagraph): Draft {
  if (d.kind === 'title') return { ...d, linePrefix: '# ' };
  // A heading in Word's styles with no number: a Markdown heading one level below the title.
  if (d.kind === 'heading' && d.level !== undefined && !matchHeading(d.text)) return { ...d, linePrefix: '#'.repeat(Math.min(6, d.level + 1)) + ' ' };
  return d;
}

async function countComments(pkg: OpcPackage): Promise<number> {
  try {
    const text = await pkg.text('word/comments.xml');
    return text === null ? 0 : (text.match(/<w:comment\b/g) ?? []).length;
  } catch {
    return 0;
  }
}
