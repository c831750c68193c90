/**
 * `agreement-lint annotate draft.docx -o draft-审查意见.docx [--track-changes]`: a copy of the
 * Word draft with each finding as a comment on the words it flags. The input is never written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { analyze, parseDocument } from '../../core';
import { readWordFile, WordReadError } from '../../word/read';
import { annotateDocx } from '../../word/write/annotate';
import { DEFAULT_AUTHOR } from '../../word/write/exportDocx';
import type { Io } from '../io';
import { besideInput, readRegularFile, sameFile, writeBytes, writerConfig, writerArgs } from '../writerOptions';
import type { Subcommand } from './index';

const USAGE = `用法：agreement-lint annotate 草稿.docx [-o 草稿-审查意见.docx] [--track-changes]

把检查发现作为批注写入 Word 文件的副本（原文件不变）；不加 -o 时写在原文件旁（文件名加“-审查意见”）。
  -o, --output 文件     输出的 .docx（不能是输入文件）
  --author 名称         批注作者（默认 ${DEFAULT_AUTHOR}）
  --initials 缩写       批注作者缩写
  --track-changes       对有合规表述的发现，以修订（插入/删除）提出修改
  --rule-pack 文件      另加规则包（可重复）
  --no-config           不读取 .agreementrc.yaml
文件头取值（类别、甲方等）可写在同名 .agreement.yaml 文件（草稿.docx.agreement.yaml）中。`;

/** Bytes a Word file may take (the reader caps every part too). */
const MAX_DOCX_BYTES = 50 * 1024 * 1024;

export function annotateCommand(): Subcommand {
  return {
    summary: 'annotate 草稿.docx -o 草稿-审查意见.docx：把检查发现写成 Word 批注',
    async run(argv: string[], io: Io): Promise<number> {
      const parsed = writerArgs('annotate', argv, io, ['-o', '--author', '--initials', '--track-changes', '--rule-pack'], USAGE);
      if (typeof parsed === 'number') return parsed;
      const { options, err } = parsed;
      if (options.inputs.length !== 1) {
        err('需要且只需要一个 .docx 文件。');
        return 2;
      }
      const input = path.resolve(io.cwd, options.inputs[0]);
      const output = options.output ? path.resolve(io.cwd, options.output) : besideInput(input, '-审查意见', '.docx');
      if (sameFile(input, output)) {
        err('输出文件不能与输入文件相同：批注写在副本中，原文件保持不变。');
        return 2;
      }
      const config = writerConfig(options, io.cwd);
      for (const e of [...config.warnings, ...config.errors]) err(e);
      if (config.errors.length > 0) return 2;
      try {
        const bytes = readRegularFile(input, MAX_DOCX_BYTES);
        const extracted = await readWordFile(bytes, input, { explicit: sidecar(input, err) });
        if (!/\.docx$/i.test(input) && bytes[0] !== 0x50) throw new WordReadError('只能给 .docx 文件加批注。请先在 Word 或 WPS 中另存为 .docx。');
        const findings = analyze(parseDocument(extracted.text), config.ruleSet, { severities: config.severities });
        const result = await annotateDocx(bytes, extracted, findings, { author: options.author ?? undefined, initials: options.initials ?? undefined, trackChanges: options.trackChanges });
        writeBytes(output, result.bytes);
        for (const note of extracted.notes) io.stderr.write(`${note}\n`);
        io.stdout.write(`已写入：${path.relative(io.cwd, output) || output}（${result.comments} 条批注${options.trackChanges ? `，${result.revisions} 处修订` : ''}）\n`);
        return 0;
      } catch (error) {
        err(`${options.inputs[0]}：${(error as Error).message}`);
        return 2;
      }
    },
  };
}

/** Front-matter values the officer wrote beside the Word file (`草稿.docx.agreement.yaml`). */
export function sidecar(input: string, err: (line: string) => void): Record<string, unknown> {
  const file = `${input}.agreement.yaml`;
  if (!fs.existsSync(file)) return {};
  try {
    const data = parseYaml(readRegularFile(file, 1024 * 1024).toString('utf8')) as unknown;
    if (data && typeof data === 'object' && !Array.isArray(data)) return data as Record<string, unknown>;
    err(`${path.basename(file)} 应为键值对象，已忽略。`);
  } catch (error) {
    err(`${path.basename(file)} 无法解析，已忽略：${(error as Error).message}`);
  }
  return {};
}
