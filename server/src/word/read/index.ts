/**
 * Reading any Word file an officer is given: a .docx (jszip + xmldom), a legacy .doc
 * (word-extractor); anything else — a .wps, an encrypted file, a PDF, a zip that is not a
 * Word document — is refused with a message naming what to do.
 */
import type { ExtractedWord } from '../model';
import { readDoc } from './doc';
import { readDocx, type ReadOptions } from './docx';
import { SAVE_AS_DOCX, WordReadError } from './errors';
import { sniff } from './sniff';

export { readDocx, readDoc, WordReadError, type ReadOptions };
export { INFERRED_MARK } from './compose';

export { WORD_EXTENSIONS, isWordFileName } from '../fileNames';

export async function readWordFile(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<ExtractedWord> {
  switch (sniff(bytes, fileName)) {
    case 'zip':
      return readDocx(bytes, options);
    case 'doc':
      return readDoc(bytes, options);
    case 'wps':
      throw new WordReadError('这是 WPS 文字格式（.wps）的文件，无法直接读取。请在 WPS 中打开，“另存为”“Word 文件（*.docx）”后再检查。');
    case 'encrypted':
      throw new WordReadError('文件已加密（设置了打开密码），无法读取。请在 Word 或 WPS 中用密码打开，取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后另存为 .docx 再检查。');
    case 'pdf':
      throw new WordReadError('这是 PDF 文件，不是 Word 文档，无法检查其中的文字结构。请索取 Word 原稿（.docx），或用 Word/WPS 将 PDF 转换并另存为 .docx 后再检查。');
    case 'rtf':
      throw new WordReadError(`这是 RTF 格式的文件。${SAVE_AS_DOCX}`);
    case 'cfb-other':
      throw new WordReadError(`这是 Office 复合文档，但不是 Word 文档（可能是 Excel 或 PowerPoint 文件）。${SAVE_AS_DOCX}`);
    default:
      throw new WordReadError(`文件内容不是 Word 文档（.docx 或 .doc），可能已损坏或只是改了扩展名。${SAVE_AS_DOCX}`);
  }
}
