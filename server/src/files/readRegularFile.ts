/**
 * Reading a file that a workspace (or a command line) names, without trusting it: only a
 * regular file is read, never a FIFO, a socket or a device (a link to /dev/zero or a named
 * pipe would otherwise hang or exhaust memory), and never more than `maxBytes`. The file is
 * opened non-blocking, so opening a FIFO returns at once, and checked on the open handle, so
 * a swap between the check and the read cannot slip a device in.
 */
import * as fs from 'node:fs';

export type ReadResult = { ok: true; bytes: Buffer; stat: fs.Stats } | { ok: false; message: string; missing?: boolean };

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export function readRegularFile(file: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? '文件不存在。' : `无法打开：${(error as Error).message}`, missing: code === 'ENOENT' };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: `不是普通文件（${kindOf(stat)}），未读取。` };
    if (stat.size > maxBytes) return { ok: false, message: `文件过大（${formatBytes(stat.size)}，上限 ${formatBytes(maxBytes)}），未读取。` };
    // Read at most maxBytes + 1: a file that grows while it is read is still bounded.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stat.size, 0) + 1));
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length >= buffer.length) break;
    }
    if (length > maxBytes) return { ok: false, message: `文件过大（超过 ${formatBytes(maxBytes)}），未读取。` };
    return { ok: true, bytes: buffer.subarray(0, length), stat };
  } catch (error) {
    return { ok: false, message: `无法读取：${(error as Error).message}` };
  } finally {
    fs.closeSync(fd);
  }
}

/** The same, decoded as UTF-8 text (a BOM is kept; callers strip it where they must). */
export function readRegularTextFile(file: string, maxBytes: number): { ok: true; text: string } | { ok: false; message: string; missing?: boolean } {
  const result = readRegularFile(file, maxBytes);
  return result.ok ? { ok: true, text: result.bytes.toString('utf8') } : result;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return '命名管道';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return '设备文件';
  if (stat.isSocket()) return '套接字';
  if (stat.isDirectory()) return '文件夹';
  return '特殊文件';
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} 字节`;
}
