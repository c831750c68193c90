/**
 * agreement-lint: the same findings as the language server, from the same core, for CI
 * and batch use.
 *
 * Exit codes: 0 no finding of severity error; 1 at least one (or more
 * warnings than --max-warnings); 2 a usage or configuration error, or a file that could
 * not be read or is not valid UTF-8 (with a message on stderr).
 */
import * as path from 'node:path';
import { parseArgs, USAGE, UsageError, type Options } from './args';
import { resolveCacheFile, resultCacheFor } from './cache';
import { readReport, reportViewKey, writeReport } from './reportCache';
import type { FileOutcome } from './check';
import { loadConfig, writeBuiltinPackCache } from './config';
import { collectFiles } from './files';
import { formatJson, formatStylish, totals } from './format';
import { checkFiles } from './pool';
import { createProgress } from './progress';
import { formatSarif } from './sarif';
import { SUBCOMMANDS, subcommandHelp } from './commands';
import type { Io } from './io';
import { printableLine } from './printable';

export { writeBuiltinPackCache };

declare const AGREEMENT_LINT_VERSION: string | undefined;
const VERSION = typeof AGREEMENT_LINT_VERSION === 'string' ? AGREEMENT_LINT_VERSION : '0.0.0-dev';

export type { Io };

const defaultIo = (): Io => {
  // `agreement-lint | head`: a closed pipe ends the output quietly, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr };
};

/** Run the CLI; resolves to the exit code. Never throws. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const err = (line: string) => io.stderr.write(`agreement-lint: ${printableLine(line)}\n`);
  const subcommand = argv.length > 0 && Object.hasOwn(SUBCOMMANDS, argv[0]) ? SUBCOMMANDS[argv[0]]() : undefined;
  if (subcommand) {
    try {
      return await subcommand.run(argv.slice(1), io);
    } catch (error) {
      err(`内部错误：${(error as Error).stack ?? String(error)}`);
      return 2;
    }
  }
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(error.message);
    io.stderr.write('运行 agreement-lint --help 查看用法。\n');
    return 2;
  }
  if (options.help) {
    io.stdout.write(USAGE + subcommandHelp() + '\n');
    return 0;
  }
  if (options.version) {
    io.stdout.write(VERSION + '\n');
    return 0;
  }
  try {
    return await run(options, io, err, argv);
  } catch (error) {
    err(`内部错误：${(error as Error).stack ?? String(error)}`);
    return 2;
  }
}

async function run(options: Options, io: Io, err: (line: string) => void, argv: string[]): Promise<number> {
  const { cwd } = io;
  const config = loadConfig(options, cwd);
  for (const warning of config.warnings) err(warning);
  if (config.errors.length > 0) {
    for (const error of config.errors) err(error);
    err('配置有误，未检查任何文件。');
    return 2;
  }
  const collected = collectFiles(options.inputs, { cwd, useIgnoreFiles: options.ignore });
  for (const warning of collected.warnings) err(warning);
  if (collected.problems.length > 0) {
    for (const problem of collected.problems) err(problem);
    return 2;
  }
  const files = collected.files;
  if (files.length === 0 && options.inputs.length === 0) err('当前文件夹下没有 *.agreement.md 文件。');

  const mode = options.fix ? 'fix' : options.fixDryRun ? 'dry-run' : 'check';
  const settings = { mode, severities: config.severities, maxSize: options.maxFileSize ?? undefined, calendar: config.calendar, cwd, explicit: options.set } as const;
  const cache = resultCacheFor(options, config, mode, cwd, VERSION, err);
  const color = options.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR);
  // The report printed last time, when every file and option is as it was: nothing to check or format.
  const reported = cache && options.format !== 'sarif' ? { file: resolveCacheFile(options.cacheLocation, cwd), view: reportViewKey(cache.key, { format: options.format, color, quiet: options.quiet, cwd }) } : null;
  const hit = reported ? readReport(reported.file, options.format, reported.view, files, color, err) : null;
  if (hit) {
    await write(io.stdout, hit.report);
    return exitCode({ ...hit, unreadable: 0 }, options.maxWarnings, err);
  }

  const progress = createProgress(files.length, io.stderr);
  let outcomes: FileOutcome[];
  const check = (list: string[], done = 0) => checkFiles(list, config.packs, config.ruleSet, settings, { jobs: options.jobs, onProgress: (n) => progress.update(done + n) });
  try {
    outcomes = cache ? await cache.check(files, check) : await check(files);
  } finally {
    progress.done();
  }
  cache?.save();

  for (const outcome of outcomes) if (outcome.error) err(`${path.relative(cwd, outcome.file) || outcome.file}：${outcome.error}`);
  const all = totals(outcomes);
  const shown = options.quiet ? outcomes.map((o) => ({ ...o, findings: o.findings.filter((f) => f.severity === 'error') })) : outcomes;
  let report: string;
  if (options.format === 'json') report = formatJson(shown);
  else if (options.format === 'sarif') report = formatSarif(shown, { cwd, version: VERSION, ruleSet: config.ruleSet, commandLine: ['agreement-lint', ...argv].join(' ') });
  else report = formatStylish(shown, color, cwd, mode);
  if (reported && cache) writeReport(reported.file, options.format, reported.view, files.map((name) => ({ name, stamp: cache.stampOf(name) })), all, report, err);
  await write(io.stdout, report);
  return exitCode(all, options.maxWarnings, err);
}

function exitCode(all: { errors: number; warnings: number; unreadable: number }, maxWarnings: number | null, err: (line: string) => void): number {
  if (all.unreadable > 0) return 2;
  if (all.errors > 0) return 1;
  if (maxWarnings !== null && all.warnings > maxWarnings) {
    err(`警告数 ${all.warnings} 超过了 --max-warnings ${maxWarnings}。`);
    return 1;
  }
  return 0;
}

/** Write and wait until the stream has taken it (large reports through a pipe). */
function write(stream: NodeJS.WritableStream, text: string | Buffer): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', () => resolve());
  });
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
