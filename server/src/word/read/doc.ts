/**
 * A legacy Word 97–2003 file (.doc) read with word-extractor (pure JavaScript). It gives
 * the body text paragraph by paragraph, without styles or automatic numbering, so numbers
 * Word generated are missing; a note says so.
 */
import WordExtractor from 'word-extractor';
import type { ExtractedWord } from '../model';
import { composeText, type ComposeInput } from './compose';
import { SAVE_AS_DOCX, WordReadError } from './errors';
import { inferFrontMatter } from './infer';
import type { ReadOptions } from './docx';

const DOC_TYPE_WORD = /(协议书?|议定书|意向书|备忘录|宣言|方案|合同书?)$/;

export async function readDoc(bytes: Uint8Array, options: ReadOptions = {}): Promise<ExtractedWord> {
  let body: string;
  try {
    const extracted = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = extracted.getBody({ filterUnicode: false });
  } catch (error) {
    throw new WordReadError(`无法读取这个 .doc 文件（${(error as Error).message}），文件可能已加密或损坏。${SAVE_AS_DOCX}`);
  }
  const lines = body
    .split(/\r\n?|\n/)
    .map((l) => l.replace(/[\u0000-\u0008\u000b-\u001f]/g, ' ').replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '');
  const paragraphs: ComposeInput['paragraphs'] = lines.map((text, index) => ({
    index,
    part: 'WordDocument',
    ordinal: index,
    text,
    numberingPrefix: '',
    kind: 'body',
    runs: [{ start: 0, end: text.length, ordinal: 0 }],
    linePrefix: '',
  }));
  const first = paragraphs[0];
  if (first && first.text.length <= 80 && DOC_TYPE_WORD.test(first.text.trim())) {
    first.kind = 'title';
    first.linePrefix = '# ';
  }
  const title = first?.kind === 'title' ? first.text.trim() : null;
  const inferred = inferFrontMatter({ title, paragraphs: paragraphs.filter((p) => p.kind !== 'title').map((p) => p.text) });
  const notes = ['这是旧版 Word 文件（.doc）：Word 自动生成的编号（一、（一）1. 等）和标题样式无法读出，章节编号相关的提示可能不准确。建议另存为 .docx 后再检查。'];
  return composeText({ paragraphs, inferred, explicit: options.explicit ?? {}, notes });
}
