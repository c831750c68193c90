/**
 * `--cache` over an unchanged folder, answered before anything is loaded: the last report
 * (./reportCache.ts) is printed when its quick record still holds — the same program,
 * options and folder (a key), the same `.agreementrc.yaml` found, and every file the
 * configuration was read from (built-in packs and their folder, the clause model, the rc,
 * extra packs) and the program's own bundles with the size, mtime, ctime and inode they had —
 * and every file checked is as it was. Nothing of the packs, the model or the analysis is
 * read or loaded then: `dist/cli-fast.js` holds only this.
 *
 * Whatever does not hold goes to the full run, which reads the configuration and decides
 * by content (the run's key, then the result cache per file); it is handed the report file
 * already read, so a damaged one is said once.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type Options } from './args';
import { resolveCacheFile } from './cache';
import type { FileStamp } from './cacheShape';
import { SUBCOMMAND_NAMES } from './commands/names';
import { exitCode, write } from './exitCode';
import { collectFiles } from './files';
import type { Io } from './io';
import { printableLine } from './printable';
import { IGNORED, readReportFile, reportHolds, type QuickRecord, type ReadReport } from './reportCache';
import { VERSION } from './version';
import { builtinPackFiles, builtinPackFolder, clauseModelPath } from '../packs/builtinFiles';
import { packageRoot } from '../packs/packageRoot';
import { findRc } from '../packs/rcFile';

/** What the quick path found: the exit code when it printed the report, else the report file as read (for the full run). */
export type QuickAnswer = { code: number } | { report: ReadReport };

const NOT_READ: QuickAnswer = { report: null };

/** The program's own files: another build changes at least one of them. */
const programFiles = (root: string) => ['cli.js', 'cli-fast.js', 'worker.js', 'packs.cache.json'].map((name) => path.join(root, 'dist', name));

/** Size, mtime, ctime and inode of a file or folder (following links); null when absent or unreadable. */
function stampOfAny(file: string): FileStamp | null {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat ? [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino] : null;
  } catch {
    return null;
  }
}

const sameStamp = (a: FileStamp | null, b: FileStamp | null) => (a === null || b === null ? a === b : a.every((v, i) => v === b[i]));

export interface QuickView {
  cwd: string;
  color: boolean;
  root: string;
  version: string;
}

/** Every option that changes the configuration or the output (not --jobs, --max-warnings or the cache's place). */
export function quickKey(options: Options, view: QuickView): string {
  const severities = Object.keys(options.severities)
    .sort()
    .map((k) => [k, options.severities[k]]);
  const packs = options.packs.map((p) => path.resolve(view.cwd, p));
  const key = ['agreement-lint-quick/1', view.version, view.root, view.cwd, view.color, options.format, options.quiet, options.inputs, packs, severities, options.set, options.ignore, options.config, options.builtinPacks, options.clauseModel, options.maxFileSize];
  return crypto.createHash('sha256').update(JSON.stringify(key)).digest('hex');
}

/** The files the configuration of this run was read from, and the program's. */
export function configurationFiles(root: string, options: Pick<Options, 'builtinPacks'>, used: { rcFile: string | null; extraPackFiles: readonly string[]; clauseModel: boolean }): string[] {
  const files = programFiles(root);
  if (options.builtinPacks) files.push(builtinPackFolder(root), ...builtinPackFiles(root));
  if (used.clauseModel) files.push(clauseModelPath(root));
  if (used.rcFile) files.push(used.rcFile);
  files.push(...used.extraPackFiles);
  return files;
}

/**
 * A file changed this close to the time the configuration was read may have been read as it
 * was before (timestamps of some file systems count whole seconds or two).
 */
const RACY_MS = 2000;

/**
 * The quick record for a report written by the full run, whose configuration was read from
 * `readAt` on; null when one of its files changed about then (the next run reads it again).
 */
export function quickRecord(options: Options, view: QuickView, used: { rcFile: string | null; extraPackFiles: readonly string[]; clauseModel: boolean }, readAt: number): QuickRecord | null {
  const depends = configurationFiles(view.root, options, used).map((file): [string, FileStamp | null] => [file, stampOfAny(file)]);
  // The ctime, which only the kernel sets: an mtime in the future (an unpacked archive) is no race.
  if (depends.some(([, stamp]) => stamp !== null && stamp[2] > readAt - RACY_MS)) return null;
  return { key: quickKey(options, view), rc: used.rcFile, depends };
}

/** The colour decision of a run (`--color`, `--no-color`, else a terminal without NO_COLOR). */
export const colorOf = (options: Pick<Options, 'color'>, io: Pick<Io, 'stdout'>) => options.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR);

/**
 * Print the last report when nothing it depends on has changed; otherwise say nothing
 * (but for a damaged report file) and hand back what was read.
 */
export async function answerUnchanged(argv: readonly string[], io: Io): Promise<QuickAnswer> {
  if (argv.length > 0 && (SUBCOMMAND_NAMES as readonly string[]).includes(argv[0])) return NOT_READ;
  let options: Options;
  try {
    options = parseArgs([...argv]);
  } catch {
    return NOT_READ;
  }
  if (!options.cache || options.fix || options.fixDryRun || options.help || options.version || options.format === 'sarif') return NOT_READ;
  const { cwd } = io;
  const warn = (line: string) => io.stderr.write(`agreement-lint: ${printableLine(line)}\n`);
  const report = readReportFile(resolveCacheFile(options.cacheLocation, cwd), options.format, warn);
  if (report === null || report === IGNORED) return { report };
  const quick = report.header.quick;
  const root = packageRoot();
  const color = colorOf(options, io);
  if (!quick || quick.key !== quickKey(options, { cwd, color, root, version: VERSION })) return { report };
  if ((options.config ? findRc(cwd) : null) !== quick.rc) return { report };
  for (const [file, stamp] of quick.depends) if (!sameStamp(stamp, stampOfAny(file))) return { report };
  const collected = collectFiles(options.inputs, { cwd, useIgnoreFiles: options.ignore });
  // Messages about the files (an unreadable ignore file, a missing path) are the full run's to give.
  if (collected.warnings.length > 0 || collected.problems.length > 0 || collected.files.length === 0) return { report };
  const hit = reportHolds(report, collected.files, color, warn);
  if (hit === IGNORED) return { report: IGNORED };
  if (!hit) return { report };
  await write(io.stdout, hit.report);
  return { code: exitCode({ ...hit, unreadable: 0 }, options.maxWarnings, warn) };
}
