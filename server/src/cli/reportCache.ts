/**
 * `--cache`, second level: the last report as printed, beside the cache file
 * (`<cache file>.json.report`, `.stylish.report`). When the same files, in the same order, all have the size, mtime,
 * ctime and inode they had, the cache file itself is unchanged and the run's key and
 * output options (format, colour, --quiet, folder) are the same, the report is the one
 * printed last time: it is written out as it is, with nothing analysed, parsed or
 * formatted. Anything else goes the ordinary way (./cache.ts) and writes a new report.
 *
 * The file is input like any other: read only when it is a regular file below the cache's
 * size cap; a header that does not parse or does not add up, a report of another length,
 * or a report holding what this program never prints (invalid UTF-8, a control character a
 * terminal acts on — ESC only in colour codes, with colours on) is ignored with a message.
 *
 * Layout: one line of JSON (the header), a newline, then the report's bytes.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { readRegularFile } from '../files/readRegularFile';
import { stampOf, type FileStamp } from './cacheShape';
import { MAX_CACHE_BYTES } from './cache';

const FORMAT = 'agreement-lint-report/1';

export interface ReportCounts {
  errors: number;
  warnings: number;
  others: number;
}

export interface ReportHit extends ReportCounts {
  report: Buffer;
}

/**
 * What lets a run print the report before reading its configuration (./quickReport.ts): a
 * key of the program and the options, the `.agreementrc.yaml` found, and every file the
 * configuration was read from or the program runs as, with its stamp (null: absent).
 */
export interface QuickRecord {
  key: string;
  rc: string | null;
  depends: Array<[file: string, stamp: FileStamp | null]>;
}

export interface Header extends ReportCounts {
  format: string;
  view: string;
  /** The cache file's stamp when this report was written from it. */
  cache: FileStamp;
  files: Array<[name: string, ...stamp: FileStamp]>;
  bytes: number;
  quick?: QuickRecord;
}

/** A report file read and found well formed; whether it holds for this run is decided by `reportHolds`. */
export interface KeptReport {
  /** The report file's name, for messages. */
  shown: string;
  cacheFile: string;
  header: Header;
  body: Buffer;
}

/** The report file was there but damaged or not a regular file: said once, then a full run. */
export const IGNORED = 'ignored';
export type ReadReport = KeptReport | typeof IGNORED | null;

/** What the report depends on besides the files: the run's key and every option that changes the output. */
export function reportViewKey(runKey: string, view: { format: string; color: boolean; quiet: boolean; cwd: string }): string {
  return crypto.createHash('sha256').update(JSON.stringify([FORMAT, runKey, view.format, view.color, view.quiet, view.cwd])).digest('hex');
}

/** One report per format, so that alternating json and stylish runs keep both. */
export const reportFileOf = (cacheFile: string, format: string) => `${cacheFile}.${format}.report`;


const sameStamp = (a: readonly unknown[], b: FileStamp) => a.length === 4 && a.every((v, i) => v === b[i]);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isStamp = (v: unknown): v is FileStamp => Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0);

// What a terminal acts on and this program never prints (its reports escape them): NUL, backspace,
// carriage return, ESC (but in colour codes) and the C1 CSI and OSC introducers (U+009B, U+009D: C2 9B,
// C2 9D in UTF-8, where C2 only ever leads). Searched as bytes, one memchr each: decoding a 20 MB
// report would cost more than formatting it.
const ACTIVE_BYTES = [0x00, 0x08, 0x0d];
const C1_LEAD = 0xc2;
const C1_ACTIVE = new Set([0x9b, 0x9d]);
const ESC = 0x1b;
// With colours, ESC only starts the SGR codes the stylish report uses.
const STRAY_ESCAPE = /\u001b(?!\[[0-9]{1,2}m)/;

function foreignBytes(report: Buffer, color: boolean): boolean {
  if (ACTIVE_BYTES.some((b) => report.indexOf(b) >= 0)) return true;
  for (let at = report.indexOf(C1_LEAD); at >= 0; at = report.indexOf(C1_LEAD, at + 1)) if (C1_ACTIVE.has(report[at + 1]!)) return true;
  if (report.indexOf(ESC) < 0) return false;
  return !color || STRAY_ESCAPE.test(report.toString('latin1'));
}

const isQuickRecord = (v: unknown): v is QuickRecord => {
  if (!v || typeof v !== 'object') return false;
  const { key, rc, depends } = v as Record<string, unknown>;
  return typeof key === 'string' && (rc === null || typeof rc === 'string') && Array.isArray(depends) && depends.every((d) => Array.isArray(d) && d.length === 2 && typeof d[0] === 'string' && (d[1] === null || isStamp(d[1])));
};

/**
 * The report file of `format` beside `cacheFile`, its header checked for shape and its
 * length for the header's count; null when there is none, IGNORED (with a message through
 * `warn`) when it is damaged or not a regular file.
 */
export function readReportFile(cacheFile: string, format: string, warn: (message: string) => void): ReadReport {
  const file = reportFileOf(cacheFile, format);
  const shown = path.basename(file);
  const read = readRegularFile(file, MAX_CACHE_BYTES);
  if (!read.ok) {
    if (read.missing) return null;
    warn(`缓存文件 ${shown} ${read.message.replace(/(，未读取)?。$/, '')}，已忽略。`);
    return IGNORED;
  }
  const bytes = read.bytes;
  const newline = bytes.indexOf(0x0a);
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(0, newline < 0 ? bytes.length : newline).toString('utf8')) as Header;
  } catch {
    warn(`缓存文件 ${shown} 不是有效的缓存，已忽略。`);
    return IGNORED;
  }
  if (!header || typeof header !== 'object' || header.format !== FORMAT) {
    warn(`缓存文件 ${shown} 不是本版本 agreement-lint 的缓存，已忽略。`);
    return IGNORED;
  }
  const body = bytes.subarray(newline + 1);
  if (typeof header.view !== 'string' || !Array.isArray(header.files) || !isStamp(header.cache) || !isCount(header.bytes) || !isCount(header.errors) || !isCount(header.warnings) || !isCount(header.others) || newline < 0 || body.length !== header.bytes || (header.quick !== undefined && !isQuickRecord(header.quick))) {
    warn(`缓存文件 ${shown} 内容不完整或已损坏，已忽略。`);
    return IGNORED;
  }
  return { shown, cacheFile, header, body };
}

/**
 * The kept report when it still holds for `files`: the same files in the same order, each
 * with the stamp it had (else null), the cache file as it was, and a body this program could
 * have printed (else a message, and IGNORED). Its view key is the caller's to compare.
 */
export function reportHolds(kept: KeptReport, files: readonly string[], color: boolean, warn: (message: string) => void): ReportHit | typeof IGNORED | null {
  const { header, body, shown } = kept;
  const stamps = header.files;
  if (stamps.length !== files.length) return null;
  const cacheStamp = stampOf(kept.cacheFile);
  if (!cacheStamp || !sameStamp(header.cache, cacheStamp)) return null;
  for (let i = 0; i < files.length; i++) {
    const entry = stamps[i];
    if (!Array.isArray(entry) || entry[0] !== files[i]) return null;
    const stamp = stampOf(files[i]);
    if (!stamp || !sameStamp(entry.slice(1), stamp)) return null;
  }
  if (!isUtf8(body)) {
    warn(`缓存文件 ${shown} 内容不完整或已损坏，已忽略。`);
    return IGNORED;
  }
  if (foreignBytes(body, color)) {
    warn(`缓存文件 ${shown} 含有本程序不会输出的控制字符，已忽略。`);
    return IGNORED;
  }
  return { report: body, errors: header.errors, warnings: header.warnings, others: header.others };
}

/**
 * Keep `report` for the next run: `files` with the stamps their cached findings were taken
 * at (a file without one — not cacheable — keeps no report). A failure is a message only.
 */
export function writeReport(cacheFile: string, format: string, view: string, files: Array<{ name: string; stamp: FileStamp | null }>, counts: ReportCounts, report: string | Buffer, quick: QuickRecord | null, warn: (message: string) => void): void {
  const file = reportFileOf(cacheFile, format);
  const cache = stampOf(cacheFile);
  const stamps: Header['files'] = [];
  for (const f of files) {
    if (!f.stamp) return remove(file);
    stamps.push([f.name, ...f.stamp]);
  }
  if (!cache) return remove(file);
  const body = typeof report === 'string' ? Buffer.from(report, 'utf8') : report;
  const header: Header = { format: FORMAT, view, cache, files: stamps, bytes: body.length, errors: counts.errors, warnings: counts.warnings, others: counts.others, ...(quick ? { quick } : {}) };
  try {
    try {
      if (!fs.lstatSync(file).isFile()) throw new Error('该路径不是普通文件，未覆盖');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      const fd = fs.openSync(tmp, 'wx');
      try {
        writeAll(fd, Buffer.from(JSON.stringify(header) + '\n'));
        writeAll(fd, body);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      throw error;
    }
  } catch (error) {
    warn(`无法写入缓存文件 ${path.basename(file)}：${(error as Error).message}`);
  }
}

/** A report that no longer holds is removed (a regular file only). */
function remove(file: string): void {
  try {
    if (fs.lstatSync(file).isFile()) fs.rmSync(file);
  } catch {
    // not there
  }
}

/** `fs.writeSync` may write less than asked (a full disk, a signal): the rest is written, or it throws. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}
