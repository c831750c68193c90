/**
 * The ledger of a set of agreements: each agreement parsed once, its commitments
 * extracted and analysed with the reference date, merged with the ledger file's rows.
 * Pure: texts in, rows out; the CLI and the language server read the files.
 */
import { analyze, type AnalyzeOptions } from '../analyze';
import type { RuleSet } from '../pack/ruleSet';
import { parseDocument } from '../parse';
import type { Finding } from '../types';
import { isoDate } from './dates';
import { documentKey, extractCommitments } from './extract';
import { mergeLedger, type LedgerRow, type OrphanRow } from './merge';
import { termOf } from './term';
import type { LedgerEntry, Side } from './types';
import { partyModel } from './partyLines';

export interface AgreementInfo {
  file: string;
  /** 协议名称: 标题, `#` title or file name. */
  title: string;
  category: string;
  docType: string;
  lead: string;
  signed: string | null;
  /** The term's last day, when known; 长期 agreements have none. */
  termEnd: string | null;
  termText: string;
  parties: Array<{ role: string; name: string; side: Side }>;
  findings: Finding[];
}

export interface ReportRow extends LedgerRow {
  agreement: AgreementInfo;
  /** Clause findings on this commitment's lines (合规风险). */
  risks: Finding[];
}

export interface LedgerReport {
  agreements: AgreementInfo[];
  rows: ReportRow[];
  orphans: OrphanRow[];
}

export interface ReportInput {
  /** As the ledger file names it (relative path, `/` separators). */
  file: string;
  text: string;
}

export function buildLedgerReport(inputs: ReportInput[], entries: LedgerEntry[], asOf: string, rules: RuleSet, options: AnalyzeOptions = {}): LedgerReport {
  const agreements: AgreementInfo[] = [];
  const all: Array<ReturnType<typeof extractCommitments>[number] & { file: string }> = [];
  const infoOf = new Map<string, AgreementInfo>();
  for (const input of inputs) {
    const doc = parseDocument(input.text);
    const base = input.file.split('/').pop() ?? input.file;
    const fallbackKey = base.replace(/\.agreement\.md$/, '');
    const findings = analyze(doc, rules, { ...options, ledger: { asOf, entries, fallbackKey, file: input.file } });
    const data = doc.frontMatter.data;
    const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string).trim() : '');
    const term = termOf(doc);
    const info: AgreementInfo = {
      file: input.file,
      title: documentKey(doc, fallbackKey),
      category: str('类别'),
      docType: str('文种'),
      lead: str('牵头单位'),
      signed: isoDate(data['签署日期']),
      termEnd: term?.end ?? null,
      termText: term?.text ?? '',
      parties: partyModel(doc).parties,
      findings,
    };
    agreements.push(info);
    infoOf.set(input.file, info);
    for (const c of extractCommitments(doc, { fallbackKey })) all.push({ ...c, file: input.file });
  }
  const { rows, orphans } = mergeLedger(all, entries, asOf, new Set(inputs.map((i) => i.file)));
  const reportRows: ReportRow[] = rows.map((row) => {
    const agreement = infoOf.get(row.file)!;
    const risks = agreement.findings.filter(
      (f) => f.rule.startsWith('clause/') && f.range.start.line >= row.range.start.line && f.range.start.line <= row.range.end.line,
    );
    return { ...row, agreement, risks };
  });
  return { agreements, rows: reportRows, orphans };
}
