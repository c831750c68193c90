/**
 * Which files to check: explicit files, folders (every `*.agreement.md`, `.docx` and `.doc` below them) and
 * globs (`docs/**\/*.agreement.md`), honouring `.gitignore` and `.agreementignore` files
 * (gitignore syntax, each relative to its own folder, from the repository root down).
 * Explicit file paths are always checked. `.git` and `node_modules` are never walked.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { readRegularTextFile } from '../files/readRegularFile';
import { isWordFileName } from '../word/fileNames';

export const AGREEMENT_SUFFIX = '.agreement.md';
export const IGNORE_FILES = ['.gitignore', '.agreementignore'];
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
/** Ignore files are lists of patterns; a larger one is not read. */
const MAX_IGNORE_BYTES = 1024 * 1024;

export interface CollectOptions {
  cwd: string;
  /** Honour ignore files (default true). */
  useIgnoreFiles?: boolean;
  /** Only ignore files in this folder and below apply (default: up to the repository root). */
  ignoreBoundary?: string;
}

export interface Collected {
  /** Absolute paths, sorted by code unit, without duplicates. */
  files: string[];
  /** One Chinese message per input that named nothing (missing path, glob without match). */
  problems: string[];
  /** Ignore files that could not be read (a FIFO, a device, too large): not fatal, said on stderr. */
  warnings: string[];
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** Ignore rules per folder, read lazily, from the repository root (or the start folder) down. */
export class IgnoreRules {
  private readonly rules = new Map<string, Ignore | null>();
  private readonly tops = new Map<string, string>();
  private readonly chains = new Map<string, Array<[string, Ignore]>>();

  /** Ignore files that exist but could not be read (not a regular file, too large). */
  readonly problems: string[] = [];

  /** `boundary`: ignore files above this folder do not apply (a VS Code workspace folder inside a larger repository). */
  constructor(private readonly cwd: string, private readonly boundary?: string) {}

  /** Rules declared by the ignore files in `dir` itself, or null. */
  private rulesIn(dir: string): Ignore | null {
    let found = this.rules.get(dir);
    if (found !== undefined) return found;
    found = null;
    for (const name of IGNORE_FILES) {
      // A FIFO or a link to /dev/zero named .gitignore must neither hang the walk nor fill memory.
      const read = readRegularTextFile(path.join(dir, name), MAX_IGNORE_BYTES);
      if (!read.ok) {
        if (!read.missing) this.problems.push(`${toPosix(path.relative(this.cwd, path.join(dir, name))) || name}：${read.message}`);
        continue;
      }
      found ??= ignore();
      found.add(read.text);
    }
    this.rules.set(dir, found);
    return found;
  }

  /** The highest folder whose ignore files apply to `dir`: its repository root, else the cwd when inside it, else `dir`. */
  private top(dir: string): string {
    let top = this.tops.get(dir);
    if (top) return top;
    top = dir;
    for (let d = dir; ; ) {
      if (fs.existsSync(path.join(d, '.git'))) {
        top = d;
        break;
      }
      const parent = path.dirname(d);
      if (parent === d) {
        top = isInside(dir, this.cwd) ? this.cwd : dir;
        break;
      }
      d = parent;
    }
    if (this.boundary && isInside(dir, this.boundary) && isInside(this.boundary, top)) top = this.boundary;
    this.tops.set(dir, top);
    return top;
  }

  /** The folders from `dir`'s top down to `dir` whose ignore files hold rules, with their rules (once per folder). */
  private chainOf(dir: string): Array<[folder: string, rules: Ignore]> {
    let chain = this.chains.get(dir);
    if (chain) return chain;
    const top = this.top(dir);
    const folders: string[] = [];
    for (let d = dir; ; d = path.dirname(d)) {
      folders.push(d);
      if (d === top || path.dirname(d) === d) break;
    }
    chain = [];
    for (let k = folders.length - 1; k >= 0; k--) {
      const rules = this.rulesIn(folders[k]);
      if (rules) chain.push([folders[k], rules]);
    }
    this.chains.set(dir, chain);
    return chain;
  }

  /** Is `abs` (a file, or a folder when `isDir`) ignored by the rules of its ancestors? `parent`: its folder, when known. */
  ignored(abs: string, isDir: boolean, parent: string = path.dirname(abs)): boolean {
    let ignored = false;
    for (const [folder, rules] of this.chainOf(parent)) {
      const rel = toPosix(path.relative(folder, abs)) + (isDir ? '/' : '');
      const result = rules.test(rel);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** `path.join` of a resolved folder and a name read from it (no separators, never `.` or `..`), without normalising again. */
const inFolder = (dir: string, name: string) => (dir.endsWith(path.sep) ? dir + name : dir + path.sep + name);

/** Every file below `dir` (a resolved path) accepted by `accept`, skipping ignored folders and files. */
function walk(dir: string, rules: IgnoreRules | null, accept: (abs: string) => boolean, out: Set<string>): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const abs = inFolder(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Linked files are followed; linked folders are not (no cycles, no escaping the tree).
      try {
        isFile = fs.statSync(abs).isFile();
      } catch {
        isFile = false;
      }
      isDir = false;
    }
    if (isDir) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      if (rules?.ignored(abs, true, dir)) continue;
      walk(abs, rules, accept, out);
    } else if (isFile && accept(abs)) {
      if (rules?.ignored(abs, false, dir)) continue;
      out.add(abs);
    }
  }
}

export function isGlob(input: string): boolean {
  return picomatch.scan(input).isGlob;
}

/** Expand inputs into files. With no inputs: every `*.agreement.md` under the cwd. */
export function collectFiles(inputs: readonly string[], options: CollectOptions): Collected {
  const { cwd } = options;
  const rules = options.useIgnoreFiles === false ? null : new IgnoreRules(cwd, options.ignoreBoundary);
  const out = new Set<string>();
  const problems: string[] = [];
  const isAgreement = (abs: string) => abs.endsWith(AGREEMENT_SUFFIX);
  // A folder named on the command line: its agreement texts and its Word drafts (not Word's ~$ lock files).
  const inNamedFolder = (abs: string) => isAgreement(abs) || (/\.(docx|doc)$/i.test(abs) && isWordFileName(path.basename(abs)));
  const positives = inputs.filter((i) => !i.startsWith('!'));
  const negatives = inputs.filter((i) => i.startsWith('!') && i.length > 1).map((i) => picomatch(i.slice(1), { dot: true }));
  if (positives.length === 0) walk(path.resolve(cwd), rules, isAgreement, out);
  for (const input of positives) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const before = out.size;
      walk(abs, rules, inNamedFolder, out);
      if (out.size === before && rules?.ignored(abs, true)) problems.push(`文件夹已被忽略规则排除：${input}`);
      continue;
    }
    if (stat) {
      // A FIFO or device would block or never end: only regular files are read.
      if (stat.isFile()) out.add(abs);
      else problems.push(`不是普通文件：${input}`);
      continue;
    }
    const scan = picomatch.scan(input);
    if (!scan.isGlob) {
      problems.push(`找不到文件或文件夹：${input}`);
      continue;
    }
    const base = path.resolve(cwd, scan.base || '.');
    const match = picomatch(scan.glob, { dot: false });
    const before = out.size;
    walk(base, rules, (file) => match(toPosix(path.relative(base, file))), out);
    if (out.size === before) problems.push(`没有文件匹配：${input}`);
  }
  let files = [...out];
  if (negatives.length > 0) files = files.filter((f) => !negatives.some((m) => m(toPosix(path.relative(cwd, f)))));
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, problems, warnings: rules?.problems.map((p) => `忽略规则文件 ${p}`) ?? [] };
}
