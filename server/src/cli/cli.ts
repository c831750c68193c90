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
import { stampOf } from './cacheShape';
import { IGNORED, readReportFile, reportHolds, reportViewKey, writeReport, type ReadReport } from './reportCache';
import { answerUnchanged, colorOf, quickRecord } from './quickReport';
import type { FileOutcome } from './check';
import { loadConfig, writeBuiltinPackCache } from './config';
import { collectFiles } from './files';
import { formatJson, formatStylish, totals } from './format';
import { checkFiles } from './pool';
import { createProgress } from './progress';
import { formatSarif } from './sarif';
import { SUBCOMMANDS, subcommandHelp } from './commands';
import type { SubcommandName } from './commands/names';
import { exitCode, write } from './exitCode';
import { defaultIo, type Io } from './io';
import { printableLine } from './printable';
import { packageRoot } from '../packs/packageRoot';
import { VERSION } from './version';

export { writeBuiltinPackCache };

export type { Io };

/**
 * Run the CLI; resolves to the exit code. Never throws. `report`: what the quick path
 * (./quickReport.ts, run first by bin/agreement-lint.js from dist/cli-fast.js) read of the
 * last report when it could not answer; when absent the quick path is tried here first.
 */
export async function main(argv: string[], io: Io = defaultIo(), report?: ReadReport): Promise<number> {
  const err = (line: string) => io.stderr.write(`agreement-lint: ${printableLine(line)}\n`);
  if (report === undefined) {
    try {
      const answer = await answerUnchanged(argv, io);
      if ('code' in answer) return answer.code;
      report = answer.report;
    } catch (error) {
      err(`内部错误：${(error as Error).stack ?? String(error)}`);
      return 2;
    }
  }
  const subcommand = argv.length > 0 && Object.hasOwn(SUBCOMMANDS, argv[0]) ? SUBCOMMANDS[argv[0] as SubcommandName]() : undefined;
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
    return await run(options, io, err, argv, report);
  } catch (error) {
    err(`内部错误：${(error as Error).stack ?? String(error)}`);
    return 2;
  }
}

async function run(options: Options, io: Io, err: (line: string) => void, argv: string[], kept: ReadReport): Promise<number> {
  const { cwd } = io;
  const configRead = Date.now();
  const config = loadConfig(options, cwd);
  for (const warning of config.warnings) err(warning);
  // The clause model is read with the rule set, when a file is checked: what it says comes later.
  const warnedBefore = config.warnings.length;
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
  const color = colorOf(options, io);
  // The report printed last time, when every file and option is as it was: nothing to check or format.
  const reported = cache && options.format !== 'sarif' ? { file: resolveCacheFile(options.cacheLocation, cwd), view: reportViewKey(cache.key, { format: options.format, color, quiet: options.quiet, cwd }) } : null;
  // Kept for the quick path only after a run that said nothing about its configuration.
  const quick = () => (config.warnings.length === 0 ? quickRecord(options, { cwd, color, root: packageRoot(), version: VERSION }, config, configRead) : null);
  if (reported && kept === null) kept = readReportFile(reported.file, options.format, err);
  const usable = reported && kept && kept !== IGNORED && kept.header.view === reported.view ? kept : null;
  const hit = usable ? reportHolds(usable, files, color, err) : null;
  if (reported && usable && hit && hit !== IGNORED) {
    // The same configuration by content, not by stamp (a touched rc or pack): the next run need not read it.
    const fresh = quick();
    if (JSON.stringify(fresh) !== JSON.stringify(usable.header.quick ?? null)) writeReport(reported.file, options.format, reported.view, files.map((name) => ({ name, stamp: stampOf(name) })), hit, hit.report, fresh, err);
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
  for (const warning of config.warnings.slice(warnedBefore)) err(warning);

  for (const outcome of outcomes) if (outcome.error) err(`${path.relative(cwd, outcome.file) || outcome.file}：${outcome.error}`);
  const all = totals(outcomes);
  const shown = options.quiet ? outcomes.map((o) => ({ ...o, findings: o.findings.filter((f) => f.severity === 'error') })) : outcomes;
  let report: string;
  if (options.format === 'json') report = formatJson(shown);
  else if (options.format === 'sarif') report = formatSarif(shown, { cwd, version: VERSION, ruleSet: config.ruleSet, commandLine: ['agreement-lint', ...argv].join(' ') });
  else report = formatStylish(shown, color, cwd, mode);
  if (reported && cache) writeReport(reported.file, options.format, reported.view, files.map((name) => ({ name, stamp: cache.stampOf(name) })), all, report, quick(), err);
  await write(io.stdout, report);
  return exitCode(all, options.maxWarnings, err);
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
