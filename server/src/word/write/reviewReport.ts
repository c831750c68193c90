/**
 * The review opinion (合法性审查意见书) as data: for each document its findings grouped by
 * severity, each with the flagged words, where they are, the provision cited and its words;
 * then a conclusion the reviewer completes and signs. The docx and HTML writers render it.
 */
import type { Severity } from '../../core/pack/types';
import type { ResolvedCitation } from '../../core/types';
import { citationLine, SEVERITY_LABEL, SEVERITY_ORDER } from './findingText';

export interface ReportFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** The document's words the finding is on ('' when it is about something missing). */
  excerpt: string;
  /** 第3段, 第12行, 文件头. */
  where: string;
  citation?: ResolvedCitation;
}

export interface ReportDocument {
  /** The file as the reviewer named it. */
  file: string;
  /** The agreement's title, when known. */
  title: string;
  findings: ReportFinding[];
  /** The file could not be read: the reason, and no findings. */
  error?: string;
  /** Things the reviewer should know (front matter inferred, encoding …). */
  notes: string[];
}

export const REPORT_TITLE = '合法性审查意见书';
export const CONCLUSION_OPTIONS = ['同意', '修改后同意', '不同意'];

export interface SeverityGroup {
  severity: Severity;
  label: string;
  findings: ReportFinding[];
}

export function groupBySeverity(findings: ReportFinding[]): SeverityGroup[] {
  return SEVERITY_ORDER.map((severity) => ({ severity, label: SEVERITY_LABEL[severity], findings: findings.filter((f) => f.severity === severity) })).filter((g) => g.findings.length > 0);
}

/** 共发现 5 条：错误 1 条、警告 3 条、提示 1 条。 */
export function summaryLine(doc: ReportDocument): string {
  if (doc.error) return `未能审查：${doc.error}`;
  if (doc.findings.length === 0) return '未发现问题。';
  return `共发现 ${doc.findings.length} 条：${groupBySeverity(doc.findings).map((g) => `${g.label} ${g.findings.length} 条`).join('、')}。`;
}

/** The lines of one finding after its message: where and which words, the provision and its words. */
export function findingDetails(f: ReportFinding, maxProvision = 300): string[] {
  const lines: string[] = [];
  if (f.excerpt) lines.push(`原文（${f.where}）：“${f.excerpt}”`);
  else lines.push(`位置：${f.where}`);
  if (f.citation) {
    lines.push(`依据：${citationLine(f.citation)}`);
    const words = f.citation.text.replace(/\s+/g, ' ').trim();
    if (words) lines.push(`条文：“${[...words].length > maxProvision ? [...words].slice(0, maxProvision).join('') + '……' : words}”`);
  }
  return lines;
}

/** 一 二 … 二十 for numbering documents and groups. */
export function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n <= 10) return n === 10 ? '十' : digits[n];
  if (n < 20) return '十' + digits[n - 10];
  if (n < 100) return digits[Math.floor(n / 10)] + '十' + (n % 10 ? digits[n % 10] : '');
  return String(n);
}
