/** Minimal .docx packages for reader tests, built with jszip from WordprocessingML snippets. */
import JSZip from 'jszip';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
export const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
export const numPr = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

export interface LevelSpec {
  format: string;
  text: string;
  start?: number;
  restart?: number;
  suffix?: 'tab' | 'space' | 'nothing';
}

export function abstractNum(id: number, levels: LevelSpec[]): string {
  return `<w:abstractNum w:abstractNumId="${id}">${levels
    .map(
      (l, i) =>
        `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.format}"/>${l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : ''}${l.suffix ? `<w:suff w:val="${l.suffix}"/>` : ''}<w:lvlText w:val="${l.text}"/></w:lvl>`,
    )
    .join('')}</w:abstractNum>`;
}

export const num = (numId: number, abstractId: number, overrides = '') => `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;

/** The 公文 numbering: 一、 （一） 1. （1）. */
export const GONGWEN_LEVELS: LevelSpec[] = [
  { format: 'chineseCounting', text: '%1、', suffix: 'nothing' },
  { format: 'chineseCounting', text: '（%2）', suffix: 'nothing' },
  { format: 'decimal', text: '%3.', suffix: 'nothing' },
  { format: 'decimal', text: '（%4）', suffix: 'nothing' },
];

export interface Parts {
  body: string;
  numbering?: string;
  styles?: string;
  extra?: Record<string, string>;
}

export async function makeDocx(parts: Parts): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${parts.body}</w:body></w:document>`);
  if (parts.numbering !== undefined) zip.file('word/numbering.xml', `<?xml version="1.0"?><w:numbering ${W}>${parts.numbering}</w:numbering>`);
  if (parts.styles !== undefined) zip.file('word/styles.xml', `<?xml version="1.0"?><w:styles ${W}>${parts.styles}</w:styles>`);
  for (const [name, text] of Object.entries(parts.extra ?? {})) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
