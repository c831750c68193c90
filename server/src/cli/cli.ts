/**
 * agreement-lint: the same findings as the language server, from the same core.
 * Exit codes: 0 no error-severity finding; 1 at least one; 2 usage or I/O error.
 */
import * as fs from 'node:fs';
import { analyzeText, type SeverityOrOff } from '../core';
import { loadPacks } from '../packs/loadPacks';
import { collectFiles, UsageError } from './files';
import { formatJson, formatStylish, type FileResult } from './format';

const USAGE = `用法：agreement-lint [--format stylish|json] [--rule-pack 文件] [--rule id=severity] <文件或文件夹…>
  默认检查当前文件夹下所有 *.agreement.md。`;

interface Options {
  format: 'stylish' | 'json';
  packs: string[];
  severities: Record<string, SeverityOrOff>;
  inputs: string[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = { format: 'stylish', packs: [], severities: {}, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} 需要一个参数。\n${USAGE}`);
      return v;
    };
    if (arg === '--format' || arg === '-f') {
      const format = value();
      if (format !== 'stylish' && format !== 'json') throw new UsageError(`不支持的输出格式：${format}（可用 stylish、json）`);
      options.format = format;
    } else if (arg.startsWith('--format=')) {
      const format = arg.slice('--format='.length);
      if (format !== 'stylish' && format !== 'json') throw new UsageError(`不支持的输出格式：${format}（可用 stylish、json）`);
      options.format = format;
    } else if (arg === '--rule-pack') options.packs.push(value());
    else if (arg === '--rule') {
      const [id, severity] = value().split('=');
      if (!id || !['error', 'warning', 'info', 'hint', 'off'].includes(severity)) throw new UsageError(`--rule 须写成 规则编号=error|warning|info|hint|off`);
      options.severities[id] = severity as SeverityOrOff;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else if (arg.startsWith('-')) throw new UsageError(`未知选项：${arg}\n${USAGE}`);
    else options.inputs.push(arg);
  }
  if (options.inputs.length === 0) options.inputs.push('.');
  return options;
}

export function main(argv: string[]): number {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const loaded = loadPacks(options.packs);
  if (loaded.problems.length > 0) {
    for (const p of loaded.problems) process.stderr.write(`规则包 ${p.source}${p.path ? ` ${p.path}` : ''}：${p.message}\n`);
    if (options.packs.length > 0 && loaded.problems.some((p) => options.packs.some((f) => p.source.endsWith(f)))) return 2;
  }
  let files: string[];
  try {
    files = collectFiles(options.inputs);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const results: FileResult[] = [];
  let ioError = false;
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`无法读取 ${file}：${(error as Error).message}\n`);
      ioError = true;
      continue;
    }
    results.push({ file, findings: analyzeText(text, loaded.ruleSet, { severities: options.severities }) });
  }
  const output = options.format === 'json' ? formatJson(results) + '\n' : formatStylish(results, process.stdout.isTTY === true);
  process.stdout.write(output);
  if (ioError) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
