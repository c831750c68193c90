/**
 * The server side of 检查 Word 文件: the editor sends a Word file's bytes (it may live on any
 * file system the editor reaches) and its sidecar; the server answers with the agreement
 * text to open, or the message saying why the file cannot be read.
 */
import type { ReadWordParams, ReadWordResult } from '../protocol';
import { readWordFile, WordReadError } from './read';
import { parseSidecar } from './sidecar';

/** The largest Word file the editor may send (as the CLI's limit). */
export const MAX_EDITOR_WORD_BYTES = 64 * 1024 * 1024;

export async function readWordForEditor(params: ReadWordParams): Promise<ReadWordResult> {
  if (typeof params?.data !== 'string' || typeof params.fileName !== 'string') return { ok: false, message: '请求缺少文件内容。' };
  if (params.data.length > (MAX_EDITOR_WORD_BYTES * 4) / 3 + 4) return { ok: false, message: `Word 文件过大（超过 ${MAX_EDITOR_WORD_BYTES / 1024 / 1024} MB），未检查。` };
  let explicit: Record<string, unknown> = {};
  const notes: string[] = [];
  if (params.sidecar && typeof params.sidecar.text === 'string') {
    const sidecar = parseSidecar(params.sidecar.text, params.sidecar.name);
    if (!sidecar.ok) return { ok: false, message: sidecar.message };
    explicit = sidecar.values;
    notes.push(`已读取配套文件头 ${params.sidecar.name}。`);
  }
  try {
    const word = await readWordFile(Buffer.from(params.data, 'base64'), params.fileName, { explicit });
    return { ok: true, text: word.text, notes: [...notes, ...word.notes], inferred: word.inferred };
  } catch (error) {
    if (error instanceof WordReadError) return { ok: false, message: error.message };
    return { ok: false, message: `读取 Word 文件时出错：${(error as Error).message}` };
  }
}
