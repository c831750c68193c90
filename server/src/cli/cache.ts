/**
 * `--cache`: the findings of each file kept between runs, so that checking an unchanged
 * folder again costs little more than reading it. An entry is used only when the file's
 * bytes hash to the same SHA-256 as when it was checked and the run's key (program
 * build, rule packs, severities, size limit) is the same; anything else is checked again.
 *
 * The cache file is input like any other: it is read only when it is a regular file
 * below a size cap (never a FIFO, a device or a link to one), and used only when every
 * entry has the expected shape. Otherwise it is ignored with a message and rewritten.
 * Only plain checking uses it (--fix and --fix-dry-run always check from the files).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegularFile } from '../files/readRegularFile';
import type { FileOutcome } from './check';
import { stampOf, storedCache, validCacheEntries, type CacheEntry, type FileStamp } from './cacheShape';
import { clauseModelPath } from '../packs/builtinFiles';
import { packageRoot } from '../packs/packageRoot';

export const DEFAULT_CACHE_FILE = '.agreementlintcache';
/** A cache file above this size is not read. */
export const MAX_CACHE_BYTES = 256 * 2 ** 20;
/** Input files above this size are not cached (checkFile reports them without reading). */
const MAX_HASHED_BYTES = 64 * 2 ** 20;
const FORMAT = 'agreement-lint-cache/1';

export interface CacheKeyInputs {
  version: string;
  /** Identifies the program's build (a hash of the running bundle), so a rebuild starts afresh. */
  build: string;
  packs: unknown;
  severities: Record<string, string>;
  maxSize: number | null;
  /** The working-day calendar: another holiday list gives other findings. */
  calendar?: unknown;
  /** The clause model's file stamp, or false when the model is off. */
  clauseModel?: unknown;
}

export function cacheKey(inputs: CacheKeyInputs): string {
  const severities = Object.keys(inputs.severities)
    .sort()
    .map((k) => [k, inputs.severities[k]]);
  const key: unknown[] = [FORMAT, inputs.version, inputs.build, inputs.packs, severities, inputs.maxSize];
  // Only a configured calendar enters the key, so caches written without one stay valid.
  if (inputs.calendar) key.push(inputs.calendar);
  if (inputs.clauseModel !== undefined) key.push({ clauseModel: inputs.clauseModel });
  return sha256(JSON.stringify(key));
}

/** The build identity of the running program: the hash of its own script. */
export function buildIdentity(script: string = __filename): string {
  try {
    return sha256(fs.readFileSync(script));
  } catch {
    return 'unknown';
  }
}

/** `--cache-location`: a file, or a folder (existing, or written with a trailing slash) to hold the default file name. */
export function resolveCacheFile(location: string | null, cwd: string): string {
  if (!location) return path.join(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(resolved, DEFAULT_CACHE_FILE);
  try {
    if (fs.statSync(resolved).isDirectory()) return path.join(resolved, DEFAULT_CACHE_FILE);
  } catch {
    // not there yet: a file name
  }
  return resolved;
}

const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

export interface ResultCache {
  file: string;
  /**
   * Check `files`, taking unchanged ones from the cache; `check` runs on the rest (in
   * their order) and its outcomes are remembered. Outcomes come back in `files` order.
   */
  check(files: string[], check: (misses: string[], hits: number) => Promise<FileOutcome[]>): Promise<FileOutcome[]>;
  /** Write the cache back (atomically); a failure is a message, never a failed run. */
  save(): void;
  /** Files taken from the cache in the last `check`. */
  readonly hits: number;
  /** The run's key. */
  readonly key: string;
  /** After `check`: the stamp `file` had when its cached findings were taken, or null when they are not kept. */
  stampOf(file: string): FileStamp | null;
}

export function openResultCache(file: string, key: string, warn: (message: string) => void): ResultCache {
  const shown = path.basename(file);
  let entries = new Map<string, CacheEntry>();
  /** The file on disk already holds what save() would write. */
  let current = false;
  let opened = false;
  // Read when first needed: a run answered from the last report (./reportCache.ts) never parses it.
  const open = () => {
    if (opened) return;
    opened = true;
    const read = readRegularFile(file, MAX_CACHE_BYTES);
    if (!read.ok && !read.missing) warn(`缓存文件 ${shown} ${read.message.replace(/(，未读取)?。$/, '')}，已忽略，本次全部重新检查。`);
    else if (read.ok) {
      const parsed = parseCache(read.bytes);
      if (typeof parsed === 'string') warn(`缓存文件 ${shown} ${parsed}，已忽略，本次全部重新检查。`);
      else if (parsed.key === key) {
        entries = parsed.entries;
        current = true;
      }
      // A different key (new version, packs or settings): every file is checked again, silently.
    }
  };
  const fresh = new Map<string, CacheEntry>();
  let hits = 0;

  return {
    file,
    get hits() {
      return hits;
    },
    key,
    stampOf: (name) => fresh.get(name)?.stat ?? null,
    async check(files, check) {
      open();
      const outcomes: FileOutcome[] = new Array(files.length);
      const misses: number[] = [];
      const hashes: Array<{ hash: string; stat: FileStamp } | null> = new Array(files.length).fill(null);
      files.forEach((name, i) => {
        const entry = entries.get(name);
        const stamp = fileStamp(name);
        // Unchanged size, mtime, ctime and inode: the same bytes, not read again.
        const same = entry && stamp && entry.stat && entry.stat.every((v, k) => v === stamp[k]);
        const hashed = same ? { hash: entry.hash, stat: stamp } : stamp ? contentHash(name) : null;
        hashes[i] = hashed;
        if (entry && hashed && entry.hash === hashed.hash) {
          outcomes[i] = { file: name, findings: entry.findings };
          fresh.set(name, { ...entry, stat: hashed.stat });
          if (!same) current = false;
        } else misses.push(i);
      });
      hits = files.length - misses.length;
      const checked = misses.length > 0 ? await check(misses.map((i) => files[i]), hits) : [];
      checked.forEach((outcome, k) => {
        const i = misses[k];
        outcomes[i] = outcome;
        const hashed = hashes[i];
        // What the entry cannot hold (a file's encoding and notes, a Word file's locations) is never taken from it.
        if (hashed && !outcome.error && !outcome.fix && !outcome.notes && !outcome.encoding && !outcome.word) fresh.set(files[i], { hash: hashed.hash, stat: hashed.stat, findings: outcome.findings });
        current = false;
      });
      return outcomes;
    },
    save() {
      open();
      if (current) return;
      // Entries of files not checked this time are kept, so checking a subfolder does not forget the rest.
      for (const [name, entry] of entries) if (!fresh.has(name)) fresh.set(name, entry);
      const text = JSON.stringify({ format: FORMAT, key, ...storedCache(fresh) });
      try {
        writeCacheFile(file, text);
      } catch (error) {
        warn(`无法写入缓存文件 ${shown}：${(error as Error).message}`);
      }
    },
  };
}

/** Size, mtime, ctime and inode of a regular file (following links); null for anything else. */
function fileStamp(file: string): FileStamp | null {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() && stat.size <= MAX_HASHED_BYTES ? [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino] : null;
  } catch {
    return null;
  }
}

/** The SHA-256 of a regular input file's bytes and its stamp taken on the open file; null (not cacheable) for anything else. */
function contentHash(file: string): { hash: string; stat: FileStamp } | null {
  const read = readRegularFile(file, MAX_HASHED_BYTES);
  if (!read.ok) return null;
  const { stat } = read;
  return { hash: sha256(read.bytes), stat: [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino] };
}

function parseCache(bytes: Buffer): { key: string; entries: Map<string, CacheEntry> } | string {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    return '不是有效的 JSON';
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return '格式不对';
  const { format, key } = data as Record<string, unknown>;
  if (format !== FORMAT) return '不是本版本 agreement-lint 的缓存';
  if (typeof key !== 'string') return '格式不对';
  const valid = validCacheEntries(data as Record<string, unknown>);
  return valid ? { key, entries: valid } : '内容不完整或已损坏';
}

function writeCacheFile(file: string, text: string): void {
  try {
    if (!fs.lstatSync(file).isFile()) throw new Error('该路径不是普通文件，未覆盖');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(tmp, text, { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/** The cache for this run, or null when --cache is off or the run fixes files. */
export function resultCacheFor(
  options: { cache: boolean; cacheLocation: string | null; maxFileSize: number | null },
  config: { packs: unknown; severities: Record<string, string>; calendar?: unknown; clauseModel?: boolean },
  mode: string,
  cwd: string,
  version: string,
  warn: (message: string) => void,
): ResultCache | null {
  if (!options.cache || mode !== 'check') return null;
  const clauseModel = config.clauseModel ? (stampOf(clauseModelPath(packageRoot())) ?? 'missing') : false;
  const key = cacheKey({ version, build: buildIdentity(), packs: config.packs, severities: config.severities, maxSize: options.maxFileSize, calendar: config.calendar ?? null, clauseModel });
  return openResultCache(resolveCacheFile(options.cacheLocation, cwd), key, warn);
}
