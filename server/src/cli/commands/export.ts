/**
 * `agreement-lint export doc.agreement.md -o doc.docx [--with-findings]`: the agreement as a
 * Word file in 党政机关公文格式 (GB/T 9704-2012).
 */
import * as path from 'node:path';
import { analyze, parseDocument } from '../../core';
import { isWordFileName, readWordFile } from '../../word/read';
import { DEFAULT_AUTHOR, exportAgreementDocx } from '../../word/write/exportDocx';
import type { Io } from '../io';
import { MAX_WORD_BYTES, readSidecar } from '../wordFile';
import { besideInput, LAYOUT_USAGE, layoutFor, readRegularFile, readTextInput, sameFile, writeBytes, writerConfig, writerArgs } from '../writerOptions';
import type { Subcommand } from './index';

const USAGE = `用法：agreement-lint export 协议.agreement.md [-o 协议.docx] [--with-findings]

按党政机关公文格式（GB/T 9704-2012）导出 Word 文件；不加 -o 时写在原文件旁。
也可导出 Word 草稿（.docx、.doc）的正文：文件头由正文推断，或写在 草稿.docx.agreement.yaml 中。
  -o, --output 文件     输出的 .docx
  --with-findings       把检查发现作为批注加在对应文字上
  --author 名称         批注作者（默认 ${DEFAULT_AUTHOR}）
  --initials 缩写       批注作者缩写
  --rule-pack 文件      另加规则包（可重复）
  --no-config           不读取 .agreementrc.yaml
${LAYOUT_USAGE}`;

export function exportCommand(): Subcommand {
  return {
    summary: 'export 文件 -o 文件.docx：按公文格式导出 Word 文件',
    async run(argv: string[], io: Io): Promise<number> {
      const parsed = writerArgs('export', argv, io, ['-o', '--with-findings', '--author', '--initials', '--rule-pack', '--layout'], USAGE);
      if (typeof parsed === 'number') return parsed;
      const { options, err } = parsed;
      if (options.inputs.length !== 1) {
        err('需要且只需要一个 *.agreement.md 或 Word 文件。');
        return 2;
      }
      const input = path.resolve(io.cwd, options.inputs[0]);
      const word = isWordFileName(path.basename(input));
      const output = options.output ? path.resolve(io.cwd, options.output) : besideInput(input, word ? '-公文格式' : '', '.docx');
      if (sameFile(input, output)) {
        err('输出文件不能与输入文件相同。');
        return 2;
      }
      const { layout, problems } = layoutFor(options, io.cwd);
      for (const p of problems) err(p);
      let text: string;
      try {
        if (word) {
          const sidecar = readSidecar(input);
          if (sidecar && 'error' in sidecar) throw new Error(sidecar.error);
          text = (await readWordFile(readRegularFile(input, MAX_WORD_BYTES), input, { explicit: sidecar?.values ?? {} })).text;
        } else text = readTextInput(input);
      } catch (error) {
        err(`${options.inputs[0]}：${(error as Error).message}`);
        return 2;
      }
      let findings;
      if (options.withFindings) {
        const config = writerConfig(options, io.cwd);
        for (const e of [...config.warnings, ...config.errors]) err(e);
        if (config.errors.length > 0) return 2;
        findings = analyze(parseDocument(text), config.ruleSet, { severities: config.severities });
      }
      const bytes = await exportAgreementDocx(text, { layout, findings, author: options.author ?? undefined, initials: options.initials ?? undefined });
      try {
        writeBytes(output, bytes);
      } catch (error) {
        err((error as Error).message);
        return 2;
      }
      io.stdout.write(`已导出：${path.relative(io.cwd, output) || output}${findings ? `（含 ${findings.length} 条批注）` : ''}\n`);
      return 0;
    },
  };
}
