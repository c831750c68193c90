/**
 * One file of a review, read and analysed for the opinion report: an agreement text (UTF-8,
 * GBK or GB18030) or a Word draft (with its sidecar front matter), its findings with the
 * words they flag and where.
 */
import * as path from 'node:path';
import { analyze, parseDocument, type Finding, type RuleSet, type SeverityOrOff } from '../core';
import { locate } from '../word/locate';
import { isWordFileName, readWordFile } from '../word/read';
import type { ReportDocument, ReportFinding } from '../word/write/reviewReport';
import { decodeText, encodingNote } from './textEncoding';
import { MAX_WORD_BYTES, readSidecar } from './wordFile';
import { readRegularFile } from './writerOptions';

const MAX_EXCERPT = 60;

export async function reviewDocument(file: string, cwd: string, ruleSet: RuleSet, severities: Record<string, SeverityOrOff>): Promise<ReportDocument> {
  const shown = path.relative(cwd, file) || file;
  const empty = (error: string): ReportDocument => ({ file: shown, title: '', findings: [], error, notes: [] });
  try {
    if (isWordFileName(path.basename(file))) {
      const sidecar = readSidecar(file);
      if (sidecar && 'error' in sidecar) return empty(sidecar.error);
      const word = await readWordFile(readRegularFile(file, MAX_WORD_BYTES), file, { explicit: sidecar?.values ?? {} });
      const doc = parseDocument(word.text);
      const findings = analyze(doc, ruleSet, { severities });
      return {
        file: shown,
        title: titleOf(doc.frontMatter.data, doc.title?.text),
        notes: word.notes,
        findings: findings.map((f) => {
          const at = locate(word, f.span);
          return reportFinding(f, at.paragraph === null ? '文件头' : `第${at.paragraph}段`, at.paragraph === null ? '' : at.excerpt);
        }),
      };
    }
    const decoded = decodeText(readRegularFile(file, 16 * 1024 * 1024));
    if (!decoded.ok) return empty(decoded.message);
    const doc = parseDocument(decoded.text);
    const findings = analyze(doc, ruleSet, { severities });
    return {
      file: shown,
      title: titleOf(doc.frontMatter.data, doc.title?.text),
      notes: decoded.encoding === 'UTF-8' ? [] : [encodingNote(decoded.encoding)],
      findings: findings.map((f) => {
        const line = f.range.start.line;
        const inFront = f.span.start < doc.frontMatter.bodyStart;
        const lineText = decoded.text.slice(doc.lines.lineStarts[line], doc.lines.lineContentEnd(line));
        const words = f.span.end > f.span.start && f.range.end.line === line ? decoded.text.slice(f.span.start, f.span.end) : lineText;
        return reportFinding(f, inFront ? `文件头第${line + 1}行` : `第${line + 1}行`, clip(words));
      }),
    };
  } catch (error) {
    return empty((error as Error).message);
  }
}

function reportFinding(f: Finding, where: string, excerpt: string): ReportFinding {
  return { rule: f.rule, severity: f.severity, message: f.message, where, excerpt: clip(excerpt), ...(f.citation ? { citation: f.citation } : {}) };
}

function titleOf(data: Record<string, unknown>, heading: string | undefined): string {
  const t = data['标题'];
  return typeof t === 'string' && t.trim() ? t.trim() : (heading ?? '');
}

function clip(text: string): string {
  const chars = [...text.trim()];
  return chars.length > MAX_EXCERPT ? chars.slice(0, MAX_EXCERPT).join('') + '…' : chars.join('');
}
