/**
 * The shape of a `--cache` file's entries, checked field by field before anything in it
 * is shown as a finding: a cache file may be truncated, edited or forged. One bad entry
 * makes the whole file unusable (it is then ignored and rewritten), so a finding from
 * the cache is always one this program wrote.
 */
import * as fs from 'node:fs';
import type { OutFinding } from './check';

export interface CacheEntry {
  /** SHA-256 of the file's bytes, lowercase hex. */
  hash: string;
  /**
   * The file's size, mtime, ctime and inode when it was hashed. When all four are the
   * same the file is not read again (any write changes the ctime, which no tool can set);
   * otherwise it is read and hashed, and an equal hash is still a hit.
   */
  stat?: FileStamp;
  findings: OutFinding[];
}

export type FileStamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/** Size, mtime, ctime and inode of a regular file (following links), or null. */
export function stampOf(file: string): FileStamp | null {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino] : null;
  } catch {
    return null;
  }
}

/** In the file, a finding's message and citation are indexes into shared tables (the same provision recurs in every file). */
interface StoredFinding {
  rule: string;
  severity: string;
  message: number;
  range: OutFinding['range'];
  citation?: number;
}

export interface StoredCache {
  messages: string[];
  citations: Array<NonNullable<OutFinding['citation']>>;
  entries: Record<string, { hash: string; stat?: FileStamp; findings: StoredFinding[] }>;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);
const HASH = /^[0-9a-f]{64}$/;
const MAX_TEXT = 100_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2 ** 31;
const isIndex = (v: unknown, length: number): v is number => isCount(v) && v < length;
const isStamp = (v: unknown): v is FileStamp => Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0);

function position(v: unknown): OutFinding['range']['start'] | null {
  return isObject(v) && isCount(v.line) && isCount(v.character) ? { line: v.line, character: v.character } : null;
}

function citation(v: unknown): NonNullable<OutFinding['citation']> | null {
  if (!isObject(v)) return null;
  const { regulationId, docNumber, title, issuer, article, text, url, file } = v;
  if (!isText(regulationId) || !isText(docNumber) || !isText(title) || !isText(issuer) || !isText(article) || !isText(text)) return null;
  if ((url !== undefined && !isText(url)) || (file !== undefined && !isText(file))) return null;
  return { regulationId, docNumber, title, issuer, article, text, ...(url !== undefined ? { url } : {}), ...(file !== undefined ? { file } : {}) };
}

/**
 * The entries of a parsed cache file keyed by file path, rebuilt from known fields only
 * (nothing else in the file reaches the output), or null when anything is not as written.
 */
export function validCacheEntries(data: Record<string, unknown>): Map<string, CacheEntry> | null {
  const { messages, citations: rawCitations, entries } = data;
  if (!Array.isArray(messages) || !messages.every(isText) || !Array.isArray(rawCitations) || !isObject(entries)) return null;
  const citations = rawCitations.map(citation);
  if (citations.some((c) => c === null)) return null;
  const valid = new Map<string, CacheEntry>();
  for (const [file, entry] of Object.entries(entries)) {
    if (!isObject(entry) || typeof entry.hash !== 'string' || !HASH.test(entry.hash) || !Array.isArray(entry.findings)) return null;
    if (entry.stat !== undefined && !isStamp(entry.stat)) return null;
    const findings: OutFinding[] = [];
    for (const f of entry.findings as unknown[]) {
      if (!isObject(f) || !isText(f.rule) || typeof f.severity !== 'string' || !SEVERITIES.has(f.severity) || !isIndex(f.message, messages.length) || !isObject(f.range)) return null;
      const start = position(f.range.start);
      const end = position(f.range.end);
      if (!start || !end) return null;
      const finding: OutFinding = { rule: f.rule, severity: f.severity as OutFinding['severity'], message: messages[f.message] as string, range: { start, end } };
      if (f.citation !== undefined) {
        if (!isIndex(f.citation, citations.length)) return null;
        finding.citation = citations[f.citation]!;
      }
      findings.push(finding);
    }
    valid.set(file, entry.stat ? { hash: entry.hash, stat: [...entry.stat] as FileStamp, findings } : { hash: entry.hash, findings });
  }
  return valid;
}

/** The file's form of the entries: messages and citations stored once. */
export function storedCache(entries: Map<string, CacheEntry>): StoredCache {
  const messages: string[] = [];
  const messageIndex = new Map<string, number>();
  const citations: StoredCache['citations'] = [];
  const citationIndex = new Map<string, number>();
  const intern = <T>(value: T, key: string, list: T[], index: Map<string, number>) => {
    let at = index.get(key);
    if (at === undefined) index.set(key, (at = list.push(value) - 1));
    return at;
  };
  const stored: StoredCache['entries'] = {};
  for (const [file, entry] of entries) {
    stored[file] = {
      hash: entry.hash,
      ...(entry.stat ? { stat: entry.stat } : {}),
      findings: entry.findings.map((f) => {
        const out: StoredFinding = { rule: f.rule, severity: f.severity, message: intern(f.message, f.message, messages, messageIndex), range: f.range };
        if (f.citation) out.citation = intern(f.citation, JSON.stringify(f.citation), citations, citationIndex);
        return out;
      }),
    };
  }
  return { messages, citations, entries: stored };
}
