/**
 * Subcommands of agreement-lint (`agreement-lint <name> …`). Each lives in a file of its
 * own beside this one and takes the arguments after its name; checking files stays the
 * default when the first argument names no subcommand.
 */
import type { Io } from '../io';
import type { SubcommandName } from './names';

export interface Subcommand {
  /** One line for `agreement-lint --help`. */
  summary: string;
  run(argv: string[], io: Io): Promise<number>;
}

// Loaded when named: the Word writers (docx, jszip) stay out of a plain check's start-up.
export const SUBCOMMANDS: Record<SubcommandName, () => Subcommand> = {
  export: () => (require('./export') as typeof import('./export')).exportCommand(),
  annotate: () => (require('./annotate') as typeof import('./annotate')).annotateCommand(),
  report: () => (require('./report') as typeof import('./report')).reportCommand(),
  ledger: () => (require('./ledger') as typeof import('./ledger')).ledgerCommand(),
};

/** One line per subcommand for --help, without loading them. */
const SUMMARIES: Record<SubcommandName, string> = {
  export: 'export 协议.agreement.md [-o 协议.docx] [--with-findings]：按公文格式（GB/T 9704-2012）导出 Word 文件',
  annotate: 'annotate 草稿.docx [-o 草稿-审查意见.docx] [--track-changes]：把检查发现写成 Word 批注（原文件不变）',
  report: 'report 文件或文件夹 … [--format docx|html] [-o 合法性审查意见书.docx]：生成审查意见书',
  ledger: 'ledger [文件或文件夹 …] [--format table|json|csv|xlsx] [-o 文件] [--as-of 日期] [--self-check 年份]：履约台账',
};

/** The subcommands' lines for `agreement-lint --help`. */
export function subcommandHelp(): string {
  const lines = (Object.keys(SUBCOMMANDS) as SubcommandName[]).map((name) => `  agreement-lint ${SUMMARIES[name] ?? name}`);
  return lines.length ? `\n\n子命令（agreement-lint 子命令 --help 查看各自的选项）：\n${lines.join('\n')}` : '';
}
