/**
 * Safe file replacement for `--fix`. The new text goes to a temporary file in the folder of
 * the real file (a symbolic link is followed, so the link stays a link and its target is
 * fixed), is flushed to disk, takes the original's mode and owner, and is renamed over the
 * original. A reader sees either the old file or the new one, never half of each; a crash
 * leaves at most a stray `.*.tmp` file, never a truncated agreement.
 *
 * What is never done: writing a file its owner made read-only (reported instead), breaking
 * a hard link (a file with several names is rewritten in place, after the same checks), or
 * overwriting a save made by another program while the file was being checked — the file is
 * compared with what was read immediately before the rename, and a change is a conflict.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Snapshot {
  size: number;
  mtimeMs: number;
  mode: number;
  /** SHA-256 of the bytes that were read and checked. */
  hash: string;
}

export function snapshotOf(stat: fs.Stats, bytes: Buffer): Snapshot {
  return { size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode, hash: sha256(bytes) };
}

export class WriteConflict extends Error {}

/** For tests: called after the temporary file is written and before the final check. */
export interface WriteHooks {
  beforeCommit?(file: string): void;
}

/** Replace `file` with `text` (UTF-8) unless it changed since `before` was taken. Throws with a Chinese message. */
export function writeAtomic(file: string, text: string, before: Snapshot, hooks: WriteHooks = {}): void {
  const target = realTarget(file);
  const stat = fs.statSync(target);
  if (!writable(stat)) throw new Error('文件为只读，未写入修复；如需修复，请先取消只读属性。');
  const data = Buffer.from(text, 'utf8');
  if (stat.nlink > 1) {
    // Several names for one file: a rename would give this name a new file and leave the others old.
    hooks.beforeCommit?.(target);
    assertUnchanged(target, before);
    fs.writeFileSync(target, data);
    return;
  }
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  const mode = before.mode & 0o7777;
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.chmodSync(tmp, mode);
    keepOwner(tmp, stat);
    hooks.beforeCommit?.(target);
    assertUnchanged(target, before);
    fs.renameSync(tmp, target);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    if (error instanceof WriteConflict) throw error;
    throw new Error(`写入失败：${(error as Error).message}`);
  }
}

/** The file as it is now must be the file that was read: same size, time and bytes. */
function assertUnchanged(file: string, before: Snapshot): void {
  const now = fs.statSync(file);
  const same = now.size === before.size && now.mtimeMs === before.mtimeMs && sha256(fs.readFileSync(file)) === before.hash;
  if (!same) throw new WriteConflict('文件在检查期间被其他程序修改，未写入修复（以免覆盖对方的保存）；请重新运行。');
}

function realTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** Can the file's owner write it? Root can write anything, but a read-only file says "do not". */
function writable(stat: fs.Stats): boolean {
  return (stat.mode & 0o222) !== 0;
}

function keepOwner(tmp: string, stat: fs.Stats): void {
  if (typeof process.getuid !== 'function') return;
  const tmpStat = fs.statSync(tmp);
  if (tmpStat.uid === stat.uid && tmpStat.gid === stat.gid) return;
  try {
    fs.chownSync(tmp, stat.uid, stat.gid);
  } catch {
    // Only root may give a file away; without that right the file keeps its mode, as before.
  }
}

function sha256(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
