/** The human (stylish) and machine (json) reports. SARIF is in ./sarif.ts. */
import * as path from 'node:path';
import { citationLabel } from '../core';
import type { FileOutcome, OutFinding } from './check';
import { printable, printableLine } from './printable';

/** One citation in the JSON contract: document (文号 and 《title》), article, the provision's words. */
export function jsonCitation(c: OutFinding['citation']) {
  return c ? { document: [c.docNumber, `《${c.title}》`].filter(Boolean).join(' '), article: c.article, text: c.text } : null;
}

/**
 * The JSON contract: an array of
 * `{ file, findings: [{ rule, severity, message, range, citation }] }`, 0-based lines,
 * UTF-16 characters. Additive keys: `error` for a file that could not be read or decoded,
 * `location: { paragraph, excerpt }` on findings of a Word file (lines of `range` are then
 * paragraphs of the extracted text), `encoding` for a text file not in UTF-8, `notes`,
 * `fix` with --fix / --fix-dry-run (`diff` for the latter).
 */
export function formatJson(results: FileOutcome[]): string {
  return (
    JSON.stringify(
      results.map((r) => ({
        file: r.file,
        findings: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range, citation: jsonCitation(f.citation), ...(f.location ? { location: f.location } : {}) })),
        ...(r.error ? { error: r.error } : {}),
        ...(r.encoding ? { encoding: r.encoding } : {}),
        ...(r.notes && r.notes.length > 0 ? { notes: r.notes } : {}),
        ...(r.fix ? { fix: r.fix } : {}),
      })),
      null,
      2,
    ) + '\n'
  );
}

export interface Totals {
  files: number;
  errors: number;
  warnings: number;
  others: number;
  fixed: number;
  fixedFiles: number;
  unreadable: number;
}

export function totals(results: FileOutcome[]): Totals {
  const t: Totals = { files: results.length, errors: 0, warnings: 0, others: 0, fixed: 0, fixedFiles: 0, unreadable: 0 };
  for (const r of results) {
    if (r.error) t.unreadable++;
    if (r.fix && r.fix.applied > 0) {
      t.fixed += r.fix.applied;
      t.fixedFiles++;
    }
    for (const f of r.findings) {
      if (f.severity === 'error') t.errors++;
      else if (f.severity === 'warning') t.warnings++;
      else t.others++;
    }
  }
  return t;
}

/**
 * Human output: per file, `line:col  severity  message〔citation〕  rule`, then one summary
 * line. Lines and columns are 1-based (columns in UTF-16 units, as editors count them).
 */
export function formatStylish(results: FileOutcome[], color: boolean, cwd = process.cwd(), mode: 'check' | 'fix' | 'dry-run' = 'check'): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  if (mode === 'dry-run') {
    for (const r of results) if (r.fix?.diff) out.push(color ? colorDiff(printable(r.fix.diff)) : printable(r.fix.diff));
  }
  for (const result of results) {
    if (result.findings.length === 0 && !result.error && !result.fix?.skipped && !result.notes?.length) continue;
    out.push(paint('4', printableLine(path.relative(cwd, result.file) || result.file)) + '\n');
    for (const note of result.notes ?? []) out.push(`  ${paint('36', '说明')}  ${printableLine(note)}\n`);
    if (result.error) out.push(`  ${paint('31', '无法检查')}  ${printableLine(result.error)}\n`);
    if (result.fix?.skipped) out.push(`  ${paint('33', '未修复')}  ${printableLine(result.fix.skipped)}\n`);
    for (const f of result.findings) {
      // Word files: the paragraph as the officer counts it (文件头 for the inferred front matter).
      const where = f.location ? (f.location.paragraph === null ? '文件头' : `第${f.location.paragraph}段`) + '  ' : `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(8);
      const excerpt = f.location?.excerpt ? `「${f.location.excerpt}」` : '';
      const code = f.severity === 'error' ? '31' : f.severity === 'warning' ? '33' : '36';
      // （依据：河北政办〔2017〕47号 四(三)）: never 〔〕 around a 文号 that has its own.
      const cite = f.citation ? `（依据：${citationLabel(f.citation)}）` : '';
      out.push(`  ${where}${paint(code, f.severity.padEnd(8))}${printableLine(f.message + cite + excerpt)}  ${paint('2', printableLine(f.rule))}\n`);
    }
    out.push('\n');
  }
  const t = totals(results);
  const problems = t.errors + t.warnings + t.others;
  let summary = problems === 0 ? `${t.files} 个文件，未发现问题。` : `${t.files} 个文件，${problems} 个问题（${t.errors} 个错误，${t.warnings} 个警告，${t.others} 个提示）。`;
  if (t.unreadable > 0) summary += `${t.unreadable} 个文件无法检查。`;
  if (mode === 'fix') summary += t.fixed > 0 ? `已自动修复 ${t.fixedFiles} 个文件中的 ${t.fixed} 处问题。` : '没有可自动修复的问题。';
  if (mode === 'dry-run') summary += t.fixed > 0 ? `可自动修复 ${t.fixedFiles} 个文件中的 ${t.fixed} 处问题（--fix-dry-run：未写入）。` : '没有可自动修复的问题。';
  out.push((problems === 0 && t.unreadable === 0 ? paint('32', summary) : summary) + '\n');
  return out.join('');
}

function colorDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => (line.startsWith('+') ? `\u001b[32m${line}\u001b[0m` : line.startsWith('-') ? `\u001b[31m${line}\u001b[0m` : line.startsWith('@@') ? `\u001b[36m${line}\u001b[0m` : line))
    .join('\n');
}
