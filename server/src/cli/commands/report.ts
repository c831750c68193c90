/**
 * `agreement-lint report FILES --format docx|html -o 审查意见书.docx`: the review opinion for
 * one or more agreements (texts or Word drafts), in 公文格式, with a conclusion to sign.
 */
import * as path from 'node:path';
import { reportDocx } from '../../word/write/reportDocx';
import { reportHtml } from '../../word/write/reportHtml';
import { REPORT_TITLE } from '../../word/write/reviewReport';
import { collectFiles } from '../files';
import type { Io } from '../io';
import { reviewDocument } from '../reviewInputs';
import { LAYOUT_USAGE, layoutFor, sameFile, writeBytes, writerConfig, writerArgs } from '../writerOptions';
import type { Subcommand } from './index';

const USAGE = `用法：agreement-lint report 文件或文件夹 … [--format docx|html] [-o ${REPORT_TITLE}.docx]

为每份协议列出检查发现（按严重程度分组，附原文和所依据的条文），并留出审查结论和审查人签字栏。
  --format docx|html    输出格式（默认按 -o 的扩展名，否则 docx）
  -o, --output 文件     输出文件（默认当前文件夹下的 ${REPORT_TITLE}.docx）
  --rule-pack 文件      另加规则包（可重复）
  --no-config           不读取 .agreementrc.yaml
${LAYOUT_USAGE}`;

export function reportCommand(): Subcommand {
  return {
    summary: `report 文件 … -o ${REPORT_TITLE}.docx：生成审查意见书（docx 或 html）`,
    async run(argv: string[], io: Io): Promise<number> {
      const parsed = writerArgs('report', argv, io, ['-o', '--format', '--rule-pack', '--layout'], USAGE);
      if (typeof parsed === 'number') return parsed;
      const { options, err } = parsed;
      const format = options.format ?? (options.output && /\.html?$/i.test(options.output) ? 'html' : 'docx');
      if (format !== 'docx' && format !== 'html') {
        err(`--format 应为 docx 或 html，收到“${format}”。`);
        return 2;
      }
      if (options.inputs.length === 0) {
        err('请给出要审查的文件或文件夹。');
        return 2;
      }
      const collected = collectFiles(options.inputs, { cwd: io.cwd, useIgnoreFiles: true });
      for (const p of collected.problems) err(p);
      if (collected.problems.length > 0) return 2;
      if (collected.files.length === 0) {
        err('没有找到要审查的 *.agreement.md 或 Word 文件。');
        return 2;
      }
      const output = path.resolve(io.cwd, options.output ?? `${REPORT_TITLE}.${format}`);
      if (collected.files.some((f) => sameFile(f, output))) {
        err('输出文件不能是被审查的文件。');
        return 2;
      }
      const config = writerConfig(options, io.cwd);
      for (const e of [...config.warnings, ...config.errors]) err(e);
      if (config.errors.length > 0) return 2;
      const { layout, problems } = layoutFor(options, io.cwd);
      for (const p of problems) err(p);
      const documents = [];
      for (const file of collected.files) documents.push(await reviewDocument(file, io.cwd, config.ruleSet, config.severities));
      for (const d of documents) if (d.error) err(`${d.file}：${d.error}`);
      try {
        writeBytes(output, format === 'html' ? reportHtml(documents, layout) : await reportDocx(documents, layout));
      } catch (error) {
        err((error as Error).message);
        return 2;
      }
      const count = documents.reduce((n, d) => n + d.findings.length, 0);
      io.stdout.write(`已生成${REPORT_TITLE}：${path.relative(io.cwd, output) || output}（${documents.length} 份文件，${count} 条发现）\n`);
      return documents.some((d) => d.error) ? 2 : 0;
    },
  };
}
