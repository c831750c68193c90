/**
 * Reading what the ledger needs from disk: the agreements (regular files only, strict
 * UTF-8, size-limited) and the ledger file. Problems become Chinese messages, never throws.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_SIZE, ledger } from '../../core';
import { readRegularFile } from '../../files/readRegularFile';
import { decodeUtf8 } from '../decode';

export type ReadText = { ok: true; text: string } | { ok: false; message: string };

export function readTextFile(file: string, maxBytes = 3 * DEFAULT_MAX_SIZE): ReadText {
  const read = readRegularFile(file, maxBytes);
  if (!read.ok) return { ok: false, message: read.missing ? '无法读取：文件不存在' : read.message };
  const decoded = decodeUtf8(read.bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, message: decoded.message };
}

export interface LoadedLedger {
  file: string;
  exists: boolean;
  text: string;
  parsed: ledger.LedgerFile;
  /** The folder 协议 paths are relative to. */
  dir: string;
}

export function loadLedger(file: string): LoadedLedger | { error: string } {
  const dir = path.dirname(file);
  if (!fs.existsSync(file)) return { file, exists: false, text: '', parsed: { entries: [], spans: [], problems: [] }, dir };
  const read = readTextFile(file, ledger.MAX_LEDGER_SIZE);
  if (!read.ok) return { error: `${file}：${read.message}` };
  return { file, exists: true, text: read.text, parsed: ledger.readLedger(read.text), dir };
}

/** 协议 as the ledger names it: relative to the ledger's folder, `/` separators. */
export function ledgerPath(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}
