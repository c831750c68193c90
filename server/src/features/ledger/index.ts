/**
 * The 履约台账 in the language server: deadline findings in every agreement's analysis
 * (reference date today, statuses from 履约台账.yaml), the ledger file's own diagnostics,
 * completion and hovers, and the requests behind the Explorer view.
 */
import type { CompletionParams, Connection, HoverParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ledger, type AnalyzeOptions, type RuleSet } from '../../core';
import { LedgerRequest, LedgerSetStatusRequest, type LedgerParams, type LedgerResult, type LedgerSetStatusParams, type LedgerSetStatusResult, type LedgerViewRow } from '../../protocol';
import { ledgerCompletion, ledgerDiagnostics, ledgerHover } from './ledgerFile';
import { isLedgerUri, WorkspaceLedger } from './workspace';

export interface LedgerHost {
  /** The rule set for a URI (built-in packs, plus trusted workspace packs). */
  rules(uri: string | undefined): Promise<RuleSet>;
  /** Re-run every open agreement's analysis (their deadline findings read the ledger file). */
  revalidateAgreements(): void;
}

export class LedgerFeatures {
  private readonly workspace: WorkspaceLedger;
  private readonly memo = new WeakMap<AnalyzeOptions, { key: string; options: AnalyzeOptions }>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    folders: () => string[],
    private readonly host: LedgerHost,
  ) {
    this.workspace = new WorkspaceLedger(documents, folders);
    connection.onRequest(LedgerRequest, (params: LedgerParams | undefined) => this.list(params));
    connection.onRequest(LedgerSetStatusRequest, (params: LedgerSetStatusParams) => this.setStatus(params));
  }

  owns(uri: string): boolean {
    return isLedgerUri(uri);
  }

  /** The analysis options with the ledger's reference date and statuses; the same object while nothing changed. */
  withLedger(uri: string, base: AnalyzeOptions): AnalyzeOptions {
    const asOf = ledger.todayOf(new Date());
    const ledgerOptions = this.workspace.optionsFor(uri, asOf);
    const source = this.workspace.source();
    const key = JSON.stringify([asOf, uri, source?.text.length ?? -1, ledgerOptions?.entries?.length ?? 0, hashEntries(ledgerOptions?.entries ?? [])]);
    const cached = this.memo.get(base);
    if (cached && cached.key === key) return cached.options;
    const options = { ...base, ledger: ledgerOptions };
    this.memo.set(base, { key, options });
    return options;
  }

  async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const source = this.workspace.source();
    const parsed = source && source.uri === uri ? source.parsed : ledger.readLedger(document.getText());
    let report: ledger.LedgerReport | null = null;
    try {
      report = this.workspace.report(ledger.todayOf(new Date()), await this.host.rules(uri)).report;
    } catch (error) {
      this.connection.console.error(`生成履约台账时出错：${(error as Error).stack ?? error}`);
    }
    void this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: ledgerDiagnostics(document, parsed, report) });
    this.host.revalidateAgreements();
  }

  async completion(params: CompletionParams) {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return [];
    const source = this.workspace.source();
    const report = this.workspace.report(ledger.todayOf(new Date()), await this.host.rules(params.textDocument.uri)).report;
    return ledgerCompletion(document, params.position, report, source?.parsed ?? ledger.readLedger(document.getText()));
  }

  async hover(params: HoverParams) {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return null;
    const source = this.workspace.source();
    const report = this.workspace.report(ledger.todayOf(new Date()), await this.host.rules(params.textDocument.uri)).report;
    return ledgerHover(document, params.position, report, source?.parsed ?? ledger.readLedger(document.getText()));
  }

  private async list(params: LedgerParams | undefined): Promise<LedgerResult> {
    const asOf = ledger.isoDate(params?.asOf) ?? ledger.todayOf(new Date());
    const source = this.workspace.source();
    const { report, inputs, problems } = this.workspace.report(asOf, await this.host.rules(source?.uri));
    const uriOf = new Map(inputs.map((i) => [i.file, i.uri]));
    const rows: LedgerViewRow[] = report.rows.map((r) => ({
      id: r.id,
      uri: uriOf.get(r.file) ?? r.file,
      file: r.file,
      title: r.agreement.title,
      clause: r.clause,
      range: r.range,
      role: r.role,
      party: r.party,
      side: r.side,
      text: r.text,
      amounts: r.amounts,
      deadline: r.deadline ? ('date' in r.deadline ? r.deadline.date : r.deadline.relative) : '',
      due: r.due,
      daysLeft: r.daysLeft,
      condition: r.condition,
      status: r.status,
      effectiveStatus: r.effectiveStatus,
      warning: r.warning,
      recorded: r.entry !== null,
      unit: r.entry?.责任单位 ?? '',
      person: r.entry?.责任人 ?? '',
    }));
    const orphans = report.orphans.map((o) => ({ id: o.entry.id, file: o.entry.协议 ?? '', status: o.entry.状态, text: o.entry.承诺内容 ?? '', reason: o.reason }));
    return { asOf, ledgerUri: source?.uri ?? null, rows, orphans, problems };
  }

  private async setStatus(params: LedgerSetStatusParams): Promise<LedgerSetStatusResult> {
    if (!(ledger.LEDGER_STATUSES as readonly string[]).includes(params.status)) return { ok: false, message: `状态只能是：${ledger.LEDGER_STATUSES.join('、')}。` };
    const source = this.workspace.source();
    if (!source) return { ok: false, message: '没有打开工作区文件夹，无法写入履约台账。' };
    const text = typeof params.text === 'string' ? params.text : source.text;
    const asOf = ledger.todayOf(new Date());
    const { report } = this.workspace.report(asOf, await this.host.rules(source.uri));
    const row = report.rows.find((r) => r.id === params.id);
    const known = source.parsed.entries.some((e) => e.id === params.id);
    if (!row && !known) return { ok: false, message: `找不到承诺 ${params.id}。` };
    const template: Partial<ledger.LedgerEntry> = row
      ? { 协议: row.file, 承诺方: row.party === row.role ? row.role : `${row.role}（${row.party}）`, 承诺内容: row.text, ...(row.due ? { 到期日期: row.due } : {}) }
      : {};
    const closedOn = ledger.isoDate(params.date) ?? asOf;
    const result = ledger.setLedgerStatus(text, params.id, params.status as ledger.LedgerStatus, closedOn, template);
    if (!result.ok) return result;
    return { ok: true, uri: source.uri, text: result.text, exists: source.exists };
  }
}

function hashEntries(entries: ledger.LedgerEntry[]): string {
  return ledger.hash(JSON.stringify(entries));
}

export { isLedgerUri };
