/** Command-line arguments of agreement-lint. Pure: argv in, options or a UsageError out. */
import type { SeverityOrOff } from '../core';

export type Format = 'stylish' | 'json' | 'sarif';

export interface Options {
  format: Format;
  /** Extra rule-pack files (`--rule-pack`, repeatable), after the built-in packs and `.agreementrc.yaml`'s. */
  packs: string[];
  /** Severity overrides from `--rule id=severity`; win over `.agreementrc.yaml`. */
  severities: Record<string, SeverityOrOff>;
  inputs: string[];
  /** Front-matter values for Word files from `--set 键=值` (repeatable). */
  set: Record<string, unknown>;
  fix: boolean;
  fixDryRun: boolean;
  /** Exit 1 when there are more warnings than this. */
  maxWarnings: number | null;
  /** Report errors only. */
  quiet: boolean;
  /** Worker threads; null = all cores (fewer for few files). */
  jobs: number | null;
  /** Honour .gitignore / .agreementignore when walking folders and globs. */
  ignore: boolean;
  /** Read the nearest `.agreementrc.yaml`. */
  config: boolean;
  /** Load the built-in rule packs. */
  builtinPacks: boolean;
  /** Let the clause model judge sentences the clause rules do not read (`--no-clause-model`). */
  clauseModel: boolean;
  /** Texts longer than this (UTF-16 units) are not analysed. */
  maxFileSize: number | null;
  color: boolean | null;
  /** Reuse the findings of unchanged files from the last run (`--cache`). */
  cache: boolean;
  /** `--cache-location`: the cache file, or a folder for it; null = `.agreementlintcache` here. */
  cacheLocation: string | null;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `用法：agreement-lint [选项] [文件、文件夹或通配符 …]
  不给路径时，检查当前文件夹下所有 *.agreement.md（遵循 .gitignore 和 .agreementignore）。
  文件夹：检查其下所有 *.agreement.md 和 Word 文件（.docx、.doc）；通配符（请加引号）：如 'docs/**/*.agreement.md'；
  以 ! 开头的通配符表示排除，如 '!drafts/**'。直接写出的文件总会被检查。
  当前文件夹或上级文件夹中的 .agreementrc.yaml（rulePacks、rules）会被读取。
  Word 文件：文件头（标题、甲方、乙方、文种、签署日期等）由正文推断；同名的 文件名.docx.agreement.yaml
  或 --set 选项中写明的值优先。GBK/GB18030 编码的文本文件会自动识别。

选项：
  -f, --format stylish|json|sarif  输出格式（默认 stylish；sarif 为 SARIF 2.1.0，可上传 GitHub 代码扫描）
      --fix                        自动修复无需补充事实的问题（编号、章节顺序、键名拼写、点名本句当事方的合规表述）并写回文件（原子写入）
      --fix-dry-run                显示修复后的差异，不写文件
      --rule-pack 文件             追加规则包（可重复）
      --rule 规则编号=级别         覆盖严重程度：error|warning|info|hint|off（可重复）
      --set 键=值                  为 Word 文件写明文件头的值，如 --set 类别=企业集团（可重复）
      --max-warnings N             警告超过 N 个时以退出码 1 结束
  -q, --quiet                      只报告错误
  -j, --jobs N                     并行线程数（默认：全部 CPU 核心）
      --no-ignore                  不读取 .gitignore / .agreementignore
      --no-config                  不读取 .agreementrc.yaml
      --no-builtin-packs           不加载内置规则包（只用 --rule-pack 指定的）
      --no-clause-model            不用条款模型（只报告条款规则本身读出的风险）
      --max-file-size N            超过 N 个字符（UTF-16 单位）的文件不检查（默认 5242880）
      --color / --no-color         是否彩色输出（默认：终端时彩色）
      --cache                      记住各文件的检查结果，文件内容、配置、规则包和版本都未变时直接沿用（不用于 --fix）
      --cache-location 路径        缓存文件或其所在文件夹（默认当前文件夹下的 .agreementlintcache）
  -h, --help                       显示本帮助
  -v, --version                    显示版本

退出码：0 无错误；1 有错误级别的问题（或警告超过 --max-warnings）；2 用法错误、配置错误或文件无法读取。`;

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);
const FORMATS = new Set(['stylish', 'json', 'sarif']);

function nonNegativeInteger(option: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${option} 需要一个非负整数，收到“${value}”。`);
  return Number(value);
}

/** `true`/`false` and `[a, b]` lists as YAML reads them; everything else as the text given. */
function setValue(raw: string): unknown {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\[.*\]$/.test(raw)) {
    const items = raw.slice(1, -1).split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
    return items;
  }
  return raw;
}

export function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    format: 'stylish',
    packs: [],
    severities: {},
    inputs: [],
    set: {},
    fix: false,
    fixDryRun: false,
    maxWarnings: null,
    quiet: false,
    jobs: null,
    ignore: true,
    config: true,
    builtinPacks: true,
    clauseModel: true,
    maxFileSize: null,
    color: null,
    cache: false,
    cacheLocation: null,
    help: false,
    version: false,
  };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      options.inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} 需要一个参数。`);
      return v;
    };
    const flag = () => {
      if (inline !== undefined) throw new UsageError(`${arg} 不接受参数。`);
    };
    switch (arg) {
      case '-f':
      case '--format': {
        const format = value();
        if (!FORMATS.has(format)) throw new UsageError(`不支持的输出格式：${format}（可用 stylish、json、sarif）。`);
        options.format = format as Format;
        break;
      }
      case '--rule-pack':
        options.packs.push(value());
        break;
      case '--rule': {
        const spec = value();
        const at = spec.lastIndexOf('=');
        const id = spec.slice(0, at);
        const severity = spec.slice(at + 1);
        if (at <= 0 || !SEVERITIES.has(severity)) throw new UsageError(`--rule 须写成 规则编号=error|warning|info|hint|off，收到“${spec}”。`);
        options.severities[id] = severity as SeverityOrOff;
        break;
      }
      case '--set': {
        const spec = value();
        const at = spec.indexOf('=');
        const key = spec.slice(0, at).trim();
        if (at <= 0 || key === '') throw new UsageError(`--set 须写成 键=值，如 --set 类别=企业集团，收到“${spec}”。`);
        options.set[key] = setValue(spec.slice(at + 1).trim());
        break;
      }
      case '--fix':
        flag();
        options.fix = true;
        break;
      case '--fix-dry-run':
        flag();
        options.fixDryRun = true;
        break;
      case '--max-warnings':
        options.maxWarnings = nonNegativeInteger(arg, value());
        break;
      case '-q':
      case '--quiet':
        flag();
        options.quiet = true;
        break;
      case '-j':
      case '--jobs': {
        const jobs = nonNegativeInteger(arg, value());
        if (jobs < 1) throw new UsageError('--jobs 至少为 1。');
        options.jobs = jobs;
        break;
      }
      case '--no-ignore':
        flag();
        options.ignore = false;
        break;
      case '--no-config':
        flag();
        options.config = false;
        break;
      case '--no-builtin-packs':
        flag();
        options.builtinPacks = false;
        break;
      case '--no-clause-model':
        flag();
        options.clauseModel = false;
        break;
      case '--max-file-size': {
        const size = nonNegativeInteger(arg, value());
        if (size < 1) throw new UsageError('--max-file-size 至少为 1。');
        options.maxFileSize = size;
        break;
      }
      case '--color':
        flag();
        options.color = true;
        break;
      case '--no-color':
        flag();
        options.color = false;
        break;
      case '--cache':
        flag();
        options.cache = true;
        break;
      case '--cache-location':
        options.cacheLocation = value();
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.version = true;
        break;
      default:
        throw new UsageError(`未知选项：${arg}`);
    }
  }
  if (options.fix && options.fixDryRun) throw new UsageError('--fix 与 --fix-dry-run 不能同时使用。');
  return options;
}
