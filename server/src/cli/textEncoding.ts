/**
 * Text files in the encodings Chinese offices still save: UTF-8 first (strictly), then
 * UTF-16 with a byte-order mark, then GBK / GB18030 when chardet detects it and the bytes
 * decode cleanly with iconv-lite (no replacement character, no control characters, and
 * encoding the text back gives the same bytes). Anything else keeps the strict UTF-8 message.
 */
import * as chardet from 'chardet';
import * as iconv from 'iconv-lite';
import { decodeUtf8 } from './decode';

export type DecodedText = { ok: true; text: string; encoding: string } | { ok: false; message: string };

const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/;

/** The Chinese national encodings chardet names, and how iconv-lite decodes them. */
const ACCEPTED: Record<string, string> = { GB18030: 'gb18030' };

function clean(bytes: Buffer, encoding: string): string | null {
  const text = iconv.decode(bytes, encoding);
  if (CONTROL.test(text)) return null;
  return iconv.encode(text, encoding).equals(bytes) ? text : null;
}

/** GBK when no four-byte GB18030 sequence occurs, GB18030 otherwise. */
function gbName(bytes: Buffer): string {
  for (let i = 0; i < bytes.length - 3; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    if (bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39 && bytes[i + 3] >= 0x30 && bytes[i + 3] <= 0x39) return 'GB18030';
    i++;
  }
  return 'GBK';
}

export function decodeText(bytes: Buffer): DecodedText {
  const utf8 = decodeUtf8(bytes);
  if (utf8.ok) return { ok: true, text: utf8.text, encoding: 'UTF-8' };
  const le = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
  if (le || (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = iconv.decode(bytes.subarray(2), le ? 'utf16le' : 'utf16be');
    if (!CONTROL.test(text)) return { ok: true, text, encoding: le ? 'UTF-16LE' : 'UTF-16BE' };
    return utf8;
  }
  let candidates: chardet.AnalyseResult = [];
  try {
    candidates = chardet.analyse(bytes);
  } catch {
    candidates = [];
  }
  for (const candidate of candidates) {
    const encoding = ACCEPTED[candidate.name];
    if (!encoding) continue;
    const text = clean(bytes, encoding);
    if (text !== null) return { ok: true, text, encoding: gbName(bytes) };
  }
  return utf8;
}

export const encodingNote = (encoding: string) => `文件编码为 ${encoding}，已按 ${encoding} 读取（建议另存为 UTF-8）。`;
