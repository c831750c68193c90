/**
 * Atomic file replacement for `--fix`: the new text goes to a temporary file in the same
 * folder (same file system), is flushed to disk, takes the original's permissions, and is
 * renamed over the original. A reader sees either the old file or the new one, never half
 * of each; a crash leaves at most a stray `.*.tmp` file, never a truncated agreement.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Snapshot {
  size: number;
  mtimeMs: number;
  mode: number;
}

export function snapshotOf(stat: fs.Stats): Snapshot {
  return { size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode };
}

/** Replace `file` with `text` (UTF-8) unless it changed since `before` was taken. Throws with a Chinese message. */
export function writeAtomic(file: string, text: string, before: Snapshot): void {
  const now = fs.statSync(file);
  if (now.size !== before.size || now.mtimeMs !== before.mtimeMs) throw new Error('文件在检查期间被其他程序修改，未写入修复。');
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  const mode = before.mode & 0o7777;
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
    fs.writeSync(fd, Buffer.from(text, 'utf8'));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, file);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw new Error(`写入失败：${(error as Error).message}`);
  }
}
