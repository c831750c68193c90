import * as path from 'node:path';
import type { Finding } from '../core';

export interface FileResult {
  file: string;
  findings: Finding[];
}

/** The JSON contract: an array of { file, findings: [{ rule, severity, message, range, citation }] }. */
export function formatJson(results: FileResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      file: r.file,
      findings: r.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        range: f.range,
        citation: f.citation
          ? { document: [f.citation.docNumber, `《${f.citation.title}》`].filter(Boolean).join(' '), article: f.citation.article, text: f.citation.text }
          : null,
      })),
    })),
    null,
    2,
  );
}

const LABEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

/** Human output: per file, `line:col  severity  message  rule`, then a summary line. */
export function formatStylish(results: FileResult[], color: boolean, cwd = process.cwd()): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const result of results) {
    if (result.findings.length === 0) continue;
    out.push(paint('4', path.relative(cwd, result.file) || result.file));
    for (const f of result.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else others++;
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(8);
      const severity = f.severity === 'error' ? paint('31', LABEL[f.severity].padEnd(8)) : f.severity === 'warning' ? paint('33', LABEL[f.severity].padEnd(8)) : paint('36', LABEL[f.severity].padEnd(8));
      const cite = f.citation ? `〔${[f.citation.docNumber, f.citation.article].filter(Boolean).join(' ')}〕` : '';
      out.push(`  ${where}${severity}${f.message}${cite}  ${paint('2', f.rule)}`);
    }
    out.push('');
  }
  const total = errors + warnings + others;
  out.push(total === 0 ? `${results.length} 个文件，未发现问题。` : `${results.length} 个文件，${total} 个问题（${errors} 个错误，${warnings} 个警告，${others} 个提示）。`);
  return out.join('\n') + '\n';
}
