/**
 * What the subcommands that write Word and HTML files (export, annotate, report) share:
 * their options (output, comment author, layout), reading an input safely, loading the
 * rule set, and writing the output beside the input without ever replacing the input.
 */
import { readRegularFile as readBoundedFile } from '../files/readRegularFile';
import type { Io } from './io';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_MAX_SIZE } from '../core';
import { resolveLayout, type GongwenLayout } from '../word/write/layout';
import { findRc, loadConfig, type Config } from './config';
import { decodeText } from './textEncoding';

export interface WriterOptions {
  inputs: string[];
  output: string | null;
  author: string | null;
  initials: string | null;
  withFindings: boolean;
  trackChanges: boolean;
  format: string | null;
  layoutOverrides: Record<string, unknown> & { fonts: Record<string, string> };
  packs: string[];
  config: boolean;
  help: boolean;
}

/** --title-font → fonts.title, --top-margin → topMarginMm … */
const FONT_FLAGS: Record<string, string> = { '--title-font': 'title', '--body-font': 'body', '--heading1-font': 'heading1', '--heading2-font': 'heading2', '--heading3-font': 'heading3', '--page-number-font': 'pageNumber' };
const NUMBER_FLAGS: Record<string, string> = { '--top-margin': 'topMarginMm', '--left-margin': 'leftMarginMm', '--text-width': 'textWidthMm', '--text-height': 'textHeightMm', '--lines': 'linesPerPage', '--chars': 'charsPerLine', '--title-size': 'titleSize', '--body-size': 'bodySize' };

export const LAYOUT_USAGE = `版式选项（默认按 GB/T 9704-2012；也可在 .agreementrc.yaml 的 export: 下设置同名键）：
  --title-font 字体     标题字体（默认 方正小标宋简体）
  --body-font 字体      正文字体（默认 仿宋_GB2312）
  --heading1-font 字体  一级标题“一、”字体（默认 黑体）
  --heading2-font 字体  二级标题“（一）”字体（默认 楷体）
  --heading3-font 字体  三、四级标题字体（默认 仿宋_GB2312）
  --page-number-font 字体 页码字体（默认 宋体）
  --top-margin 毫米     天头（默认 37）
  --left-margin 毫米    订口（默认 28）
  --text-width 毫米     版心宽（默认 156）
  --text-height 毫米    版心高（默认 225）
  --lines 行数          每面行数（默认 22）
  --chars 字数          每行字数（默认 28）`;

export class WriterUsageError extends Error {}

export function parseWriterArgs(argv: readonly string[], allowed: readonly string[]): WriterOptions {
  const options: WriterOptions = { inputs: [], output: null, author: null, initials: null, withFindings: false, trackChanges: false, format: null, layoutOverrides: { fonts: {} }, packs: [], config: true, help: false };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('-') && v.length > 1 && !/^-\d/.test(v))) throw new WriterUsageError(`${flag} 需要一个值。`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const known = (flag: string) => {
      if (!allowed.includes(flag)) throw new WriterUsageError(`未知选项：${arg}`);
    };
    if (arg === '-h' || arg === '--help') options.help = true;
    else if (arg === '-o' || arg === '--output') (known('-o'), (options.output = value(i++, arg)));
    else if (arg === '--author') (known(arg), (options.author = value(i++, arg)));
    else if (arg === '--initials') (known(arg), (options.initials = value(i++, arg)));
    else if (arg === '--format') (known(arg), (options.format = value(i++, arg)));
    else if (arg === '--with-findings') (known(arg), (options.withFindings = true));
    else if (arg === '--track-changes') (known(arg), (options.trackChanges = true));
    else if (arg === '--rule-pack') (known(arg), options.packs.push(value(i++, arg)));
    else if (arg === '--no-config') options.config = false;
    else if (Object.hasOwn(FONT_FLAGS, arg)) (known('--layout'), (options.layoutOverrides.fonts[FONT_FLAGS[arg]] = value(i++, arg)));
    else if (Object.hasOwn(NUMBER_FLAGS, arg)) {
      known('--layout');
      const raw = value(i++, arg);
      const n = Number(raw);
      if (!Number.isFinite(n)) throw new WriterUsageError(`${arg} 应为数值，收到“${raw}”。`);
      options.layoutOverrides[NUMBER_FLAGS[arg]] = n;
    } else if (arg.startsWith('-') && arg !== '-') throw new WriterUsageError(`未知选项：${arg}`);
    else options.inputs.push(arg);
  }
  return options;
}

/** The layout: defaults, then `.agreementrc.yaml` `export:`, then command-line flags. */
export function layoutFor(options: WriterOptions, cwd: string): { layout: GongwenLayout; problems: string[] } {
  const problems: string[] = [];
  let fromRc: Record<string, unknown> = {};
  const rc = options.config ? findRc(cwd) : null;
  if (rc) {
    try {
      const parsed = parseYaml(fs.readFileSync(rc, 'utf8')) as unknown;
      const section = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>).export : undefined;
      if (section && typeof section === 'object' && !Array.isArray(section)) fromRc = section as Record<string, unknown>;
      else if (section !== undefined) problems.push(`${path.relative(cwd, rc) || rc} 中的 export 应为键值对象，已忽略。`);
    } catch (error) {
      problems.push(`无法读取 ${rc} 的版式设置：${(error as Error).message}`);
    }
  }
  const rcFonts = fromRc.fonts && typeof fromRc.fonts === 'object' && !Array.isArray(fromRc.fonts) ? (fromRc.fonts as Record<string, unknown>) : {};
  const merged = { ...fromRc, ...options.layoutOverrides, fonts: { ...rcFonts, ...options.layoutOverrides.fonts } };
  const resolved = resolveLayout(merged);
  return { layout: resolved.layout, problems: [...problems, ...resolved.problems] };
}

export function writerConfig(options: WriterOptions, cwd: string): Config {
  return loadConfig({ builtinPacks: true, config: options.config, packs: options.packs, severities: {} }, cwd);
}

/** Read a text input: a regular file, not larger than the analysis limit, in UTF-8, GBK or GB18030. Throws a Chinese message. */
export function readTextInput(file: string, maxSize = DEFAULT_MAX_SIZE): string {
  const bytes = readRegularFile(file, 3 * maxSize);
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new Error(decoded.message);
  if (decoded.text.length > maxSize) throw new Error(`文件过大（超过 ${(maxSize / 1024 / 1024).toFixed(1)} MB），未处理。`);
  return decoded.text;
}

/** A regular file's bytes, refusing FIFOs, devices and files above `limit` bytes before reading them; throws with the reason. */
export function readRegularFile(file: string, limit: number): Buffer {
  const read = readBoundedFile(file, limit);
  if (!read.ok) throw new Error(read.missing ? '无法读取：文件不存在。' : read.message);
  return read.bytes;
}

/**
 * A writer subcommand's arguments (`agreement-lint NAME …`): a usage error or --help is
 * answered here, and the exit code comes back instead of the options.
 */
export function writerArgs(name: string, argv: readonly string[], io: Io, allowed: readonly string[], usage: string): { options: WriterOptions; err: (line: string) => void } | number {
  const err = (line: string) => io.stderr.write(`agreement-lint ${name}: ${line}\n`);
  let options: WriterOptions;
  try {
    options = parseWriterArgs(argv, allowed);
  } catch (error) {
    if (!(error instanceof WriterUsageError)) throw error;
    err(error.message);
    return 2;
  }
  if (options.help) {
    io.stdout.write(usage + '\n');
    return 0;
  }
  return { options, err };
}

/** Same file, whatever the spelling (relative, symlinked, case on case-insensitive systems). */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** Write bytes to a temporary file beside `file` and rename it into place. Throws a Chinese message. */
export function writeBytes(file: string, bytes: Buffer | string): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(tmp, bytes, { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`写入 ${file} 失败：${(error as Error).message}`);
  }
}

/** `协议.agreement.md` → `协议.docx`; `草稿.docx` + `-审查意见` → `草稿-审查意见.docx`. */
export function besideInput(input: string, suffix: string, ext: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.agreement\.md$|\.(docx|md|txt)$/i, '');
  return path.join(dir, `${base}${suffix}${ext}`);
}
