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

interface Header extends ReportCounts {
  format: string;
  view: string;
  /** The cache file's stamp when this report was written from it. */
  cache: FileStamp;
  files: Array<[name: string, ...stamp: FileStamp]>;
  bytes: number;
}

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
// carriage return, ESC (but in colour codes) and the C1 CSI and OSC introducers. Searched as bytes:
// decoding a 20 MB report would cost more than formatting it.
const ACTIVE_BYTES = [[0x00], [0x08], [0x0d], [0xc2, 0x9b], [0xc2, 0x9d]].map((b) => Buffer.from(b));
const ESC = 0x1b;
// With colours, ESC only starts the SGR codes the stylish report uses.
const STRAY_ESCAPE = /\u001b(?!\[[0-9]{1,2}m)/;

function foreignBytes(report: Buffer, color: boolean): boolean {
  if (ACTIVE_BYTES.some((b) => report.includes(b))) return true;
  if (!report.includes(ESC)) return false;
  return !color || STRAY_ESCAPE.test(report.toString('latin1'));
}

/**
 * The report printed last time, when it still holds for `files`; null otherwise (with a
 * message through `warn` when the report file is there but damaged or not a regular file).
 */
export function readReport(cacheFile: string, format: string, view: string, files: string[], color: boolean, warn: (message: string) => void): ReportHit | null {
  const file = reportFileOf(cacheFile, format);
  const shown = path.basename(file);
  const read = readRegularFile(file, MAX_CACHE_BYTES);
  if (!read.ok) {
    if (!read.missing) warn(`缓存文件 ${shown} ${read.message.replace(/(，未读取)?。$/, '')}，已忽略。`);
    return null;
  }
  const bytes = read.bytes;
  const newline = bytes.indexOf(0x0a);
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(0, newline < 0 ? bytes.length : newline).toString('utf8')) as Header;
  } catch {
    warn(`缓存文件 ${shown} 不是有效的缓存，已忽略。`);
    return null;
  }
  if (!header || typeof header !== 'object' || header.format !== FORMAT) {
    warn(`缓存文件 ${shown} 不是本版本 agreement-lint 的缓存，已忽略。`);
    return null;
  }
  if (header.view !== view) return null;
  const { files: stamps } = header;
  const report = bytes.subarray(newline + 1);
  if (!Array.isArray(stamps) || !isStamp(header.cache) || !isCount(header.bytes) || !isCount(header.errors) || !isCount(header.warnings) || !isCount(header.others) || newline < 0 || report.length !== header.bytes) {
    warn(`缓存文件 ${shown} 内容不完整或已损坏，已忽略。`);
    return null;
  }
  if (stamps.length !== files.length) return null;
  const cacheStamp = stampOf(cacheFile);
  if (!cacheStamp || !sameStamp(header.cache, cacheStamp)) return null;
  for (let i = 0; i < files.length; i++) {
    const entry = stamps[i];
    if (!Array.isArray(entry) || entry[0] !== files[i]) return null;
    const stamp = stampOf(files[i]);
    if (!stamp || !sameStamp(entry.slice(1), stamp)) return null;
  }
  if (!isUtf8(report)) {
    warn(`缓存文件 ${shown} 内容不完整或已损坏，已忽略。`);
    return null;
  }
  if (foreignBytes(report, color)) {
    warn(`缓存文件 ${shown} 含有本程序不会输出的控制字符，已忽略。`);
    return null;
  }
  return { report, errors: header.errors, warnings: header.warnings, others: header.others };
}

/**
 * Keep `report` for the next run: `files` with the stamps their cached findings were taken
 * at (a file without one — not cacheable — keeps no report). A failure is a message only.
 */
export function writeReport(cacheFile: string, format: string, view: string, files: Array<{ name: string; stamp: FileStamp | null }>, counts: ReportCounts, report: string, warn: (message: string) => void): void {
  const file = reportFileOf(cacheFile, format);
  const cache = stampOf(cacheFile);
  const stamps: Header['files'] = [];
  for (const f of files) {
    if (!f.stamp) return remove(file);
    stamps.push([f.name, ...f.stamp]);
  }
  if (!cache) return remove(file);
  const body = Buffer.from(report, 'utf8');
  const header: Header = { format: FORMAT, view, cache, files: stamps, bytes: body.length, errors: counts.errors, warnings: counts.warnings, others: counts.others };
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
        fs.writeSync(fd, JSON.stringify(header) + '\n');
        fs.writeSync(fd, body);
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
