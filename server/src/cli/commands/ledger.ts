/**
 * `agreement-lint ledger [paths] --format table|json|csv|xlsx -o FILE [--as-of DATE]`:
 * the 履约台账 of the agreements found under the paths, merged with the workspace ledger
 * file 履约台账.yaml. `--update` appends new commitments to the ledger file;
 * `--self-check YEAR` writes the yearly self-check (每年自查) as .docx or .html.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ledger, type RuleSet } from '../../core';
import { loadConfig } from '../config';
import { AGREEMENT_SUFFIX, collectFiles } from '../files';
import type { Io } from '../io';
import { formatCsv } from '../ledger/csv';
import { ledgerPath, loadLedger, readTextFile } from '../ledger/read';
import { selfCheckDocx, selfCheckHtml, selfCheckOf } from '../ledger/selfCheck';
import { formatTable } from '../ledger/table';
import { formatXlsx } from '../ledger/xlsx';
import type { Subcommand } from './index';

const USAGE = `用法：agreement-lint ledger [文件、文件夹或通配符 …] [选项]
  生成履约台账：每份协议的每条承诺一行（双方承诺均列出），合并工作区的 履约台账.yaml。

选项：
  --format table|json|csv|xlsx   输出格式（默认 table；-o 以 .xlsx/.csv/.json 结尾时按扩展名）
  -o, --output FILE              写入文件（xlsx 必须指定）
  --as-of YYYY-MM-DD             参考日期（默认今天），据此判断逾期与即将到期
  --ledger FILE                  台账文件（默认当前目录下的 履约台账.yaml）
  --update                       把台账中还没有的承诺追加到台账文件（不改动已有记录和注释）
  --self-check YEAR              生成该年度自查报告（-o 以 .html 结尾为网页，否则为 .docx）
  -h, --help                     显示本帮助`;

type Format = 'table' | 'json' | 'csv' | 'xlsx';

interface LedgerArgs {
  inputs: string[];
  format: Format | null;
  output: string | null;
  asOf: string | null;
  ledgerFile: string | null;
  update: boolean;
  selfCheck: number | null;
  help: boolean;
}

function parse(argv: string[]): LedgerArgs | string {
  const args: LedgerArgs = { inputs: [], format: null, output: null, asOf: null, ledgerFile: null, update: false, selfCheck: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--format': {
        const v = value();
        if (!['table', 'json', 'csv', 'xlsx'].includes(v)) return `--format 只能是 table、json、csv 或 xlsx（收到 ${v ?? '空'}）。`;
        args.format = v as Format;
        break;
      }
      case '-o':
      case '--output':
        args.output = value() ?? null;
        if (!args.output) return '-o 后应跟输出文件名。';
        break;
      case '--as-of':
        args.asOf = ledger.isoDate(value());
        if (!args.asOf) return '--as-of 应为有效日期 YYYY-MM-DD，如 2026-06-30。';
        break;
      case '--ledger':
        args.ledgerFile = value() ?? null;
        if (!args.ledgerFile) return '--ledger 后应跟台账文件名。';
        break;
      case '--update':
        args.update = true;
        break;
      case '--self-check': {
        const v = value();
        if (!/^\d{4}$/.test(v ?? '')) return '--self-check 后应跟四位年份，如 2026。';
        args.selfCheck = Number(v);
        break;
      }
      case '-h':
      case '--help':
        args.help = true;
        break;
      default:
        if (flag.startsWith('-')) return `不认识的选项 ${flag}。`;
        args.inputs.push(flag);
    }
  }
  if (!args.format && args.output) {
    const ext = path.extname(args.output).slice(1).toLowerCase();
    if (ext === 'xlsx' || ext === 'csv' || ext === 'json') args.format = ext;
  }
  if (args.format === 'xlsx' && !args.output && args.selfCheck === null) return 'xlsx 格式须用 -o 指定输出文件。';
  return args;
}

async function run(argv: string[], io: Io): Promise<number> {
  const err = (line: string) => io.stderr.write(`agreement-lint ledger: ${line}\n`);
  const args = parse(argv);
  if (typeof args === 'string') {
    err(args);
    io.stderr.write('运行 agreement-lint ledger --help 查看用法。\n');
    return 2;
  }
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const asOf = args.asOf ?? (args.selfCheck !== null ? minDate(ledger.todayOf(new Date()), `${args.selfCheck}-12-31`) : ledger.todayOf(new Date()));
  const config = loadConfig({ builtinPacks: true, config: true, packs: [], severities: {} }, io.cwd);
  for (const e of config.errors) err(e);
  const ledgerFile = path.resolve(io.cwd, args.ledgerFile ?? ledger.LEDGER_FILE_NAME);
  const loaded = loadLedger(ledgerFile);
  if ('error' in loaded) {
    err(loaded.error);
    return 2;
  }
  for (const p of loaded.parsed.problems) err(`${path.relative(io.cwd, ledgerFile) || ledgerFile}：${p.message}`);
  const collected = collectFiles(args.inputs.length > 0 ? args.inputs : ['.'], { cwd: io.cwd });
  for (const p of collected.problems) err(p);
  let failed = config.errors.length > 0 || collected.problems.length > 0;
  const inputs: ledger.ReportInput[] = [];
  // The ledger follows the agreements kept as text (*.agreement.md); Word drafts are not read.
  for (const file of collected.files) {
    if (!file.endsWith(AGREEMENT_SUFFIX)) {
      if (args.inputs.some((input) => path.resolve(io.cwd, input) === file)) err(`${path.relative(io.cwd, file)}：履约台账只读取 *.agreement.md 协议文书；Word 文件请先另存为 .agreement.md（检查 Word 文件 → 另存为）。`);
      continue;
    }
    const read = readTextFile(file);
    if (!read.ok) {
      err(`${path.relative(io.cwd, file)}：${read.message}`);
      failed = true;
      continue;
    }
    inputs.push({ file: ledgerPath(loaded.dir, file), text: read.text });
  }
  const report = ledger.buildLedgerReport(inputs, loaded.parsed.entries, asOf, config.ruleSet as RuleSet, { severities: config.severities });
  for (const o of report.orphans) err(`孤立记录 ${o.entry.id}（${o.entry.协议 ?? '未注明协议'}）：${o.reason}；台账中的记录已保留。`);

  if (args.update && !writeUpdate(report, loaded, err)) failed = true;
  if (args.selfCheck !== null) {
    const check = selfCheckOf(report, args.selfCheck, asOf);
    const out = path.resolve(io.cwd, args.output ?? `履约自查-${args.selfCheck}.docx`);
    const html = out.toLowerCase().endsWith('.html') || out.toLowerCase().endsWith('.htm');
    fs.writeFileSync(out, html ? selfCheckHtml(check) : await selfCheckDocx(check));
    io.stderr.write(`已写入 ${args.selfCheck} 年度自查报告：${path.relative(io.cwd, out)}（${check.agreements.length} 份协议）。\n`);
    return failed ? 2 : 0;
  }
  const format = args.format ?? 'table';
  const body = format === 'xlsx' ? await formatXlsx(report, asOf) : format === 'csv' ? formatCsv(report.rows) : format === 'json' ? `${JSON.stringify(toJson(report), null, 2)}\n` : formatTable(report);
  if (args.output) {
    fs.writeFileSync(path.resolve(io.cwd, args.output), body);
    io.stderr.write(`已写入履约台账 ${args.output}：${report.rows.length} 条承诺。\n`);
  } else io.stdout.write(body);
  return failed ? 2 : 0;
}

/** The json format: one object per commitment. */
export function toJson(report: ledger.LedgerReport) {
  return report.rows.map((r) => ({
    id: r.id,
    file: r.file,
    clause: r.clause,
    range: r.range,
    party: r.party,
    role: r.role,
    side: r.side,
    text: r.text,
    amounts: r.amounts,
    deadline: r.deadline,
    due: r.due,
    condition: r.condition,
    status: r.effectiveStatus,
    recordedStatus: r.entry ? r.entry.状态 : null,
    warning: r.warning,
    ...(r.previousId ? { previousId: r.previousId } : {}),
  }));
}

function writeUpdate(report: ledger.LedgerReport, loaded: Exclude<ReturnType<typeof loadLedger>, { error: string }>, err: (s: string) => void): boolean {
  if (loaded.parsed.problems.length > 0 && loaded.exists) {
    err('台账文件有错误，未追加新承诺；请先修正上面的问题。');
    return false;
  }
  const fresh = report.rows.filter((r) => !r.entry).map((r) => newEntry(r));
  if (fresh.length === 0) return true;
  const result = ledger.addLedgerEntries(loaded.text, fresh);
  if (!result.ok) {
    err(result.message);
    return false;
  }
  fs.writeFileSync(loaded.file, result.text);
  err(`已向 ${path.basename(loaded.file)} 追加 ${fresh.length} 条新承诺。`);
  return true;
}

export function newEntry(r: ledger.ReportRow): ledger.LedgerEntry {
  const entry: ledger.LedgerEntry = { id: r.id, 协议: r.file, 承诺方: r.party === r.role ? r.role : `${r.role}（${r.party}）`, 承诺内容: r.text, 状态: r.status };
  if (r.due) entry.到期日期 = r.due;
  return entry;
}

const minDate = (a: string, b: string) => (a < b ? a : b);

export const ledgerCommand = (): Subcommand => ({ summary: '履约台账：列出每份协议的每条承诺及其状态、时限和预警（table/json/csv/xlsx），生成年度自查报告', run });
