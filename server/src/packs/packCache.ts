/**
 * A build-time cache of validated rule packs. Reading the built-in packs from YAML and
 * validating them with ajv costs about half a second at every start of the CLI, the
 * server and each CLI worker; `scripts/build.mjs` writes `dist/packs.cache.json` with each
 * pack's content hash and its already validated data. At run time a pack file whose
 * bytes hash to a cached entry is taken from the cache; any other file (edited after the
 * build, or a workspace pack) is read and validated as usual. Data only, never code.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RulePack } from '../core/pack/types';

export const PACK_CACHE_FILE = path.join('dist', 'packs.cache.json');
const VERSION = 1;

interface CacheFile {
  version: number;
  /** sha256 of the pack file's UTF-8 text → the validated pack. */
  packs: Record<string, RulePack>;
}

const caches = new Map<string, Map<string, RulePack> | null>();

export function hashPackText(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** The cache under `root`, read once per process; null when absent or unreadable. */
export function readPackCache(root: string): Map<string, RulePack> | null {
  let cache = caches.get(root);
  if (cache !== undefined) return cache;
  cache = null;
  try {
    const data = JSON.parse(fs.readFileSync(path.join(root, PACK_CACHE_FILE), 'utf8')) as CacheFile;
    if (data.version === VERSION && data.packs && typeof data.packs === 'object') cache = new Map(Object.entries(data.packs));
  } catch {
    cache = null;
  }
  caches.set(root, cache);
  return cache;
}

/** Write the cache for the given pack files (each already loaded without problems). */
export function writePackCache(root: string, entries: Array<{ text: string; pack: RulePack }>): string {
  const file = path.join(root, PACK_CACHE_FILE);
  const data: CacheFile = { version: VERSION, packs: {} };
  for (const entry of entries) data.packs[hashPackText(entry.text)] = entry.pack;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data));
  caches.delete(root);
  return file;
}
