/**
 * The language server: wiring only. Analysis lives in ./core; each LSP feature in ./features.
 * Runs over stdio (`node dist/server.js --stdio`) or node IPC when started by the extension.
 */
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import {
  createConnection,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { EditHistory } from './editHistory';
import { AnalysisCache, type Analysis } from './analysisCache';
import { buildRuleSet, type RuleSet } from './core';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { completion, COMPLETION_TRIGGERS } from './features/completion';
import { publishable, toDiagnostic } from './features/diagnostics';
import { hover } from './features/hover';
import { LedgerFeatures } from './features/ledger';
import { categories, newDocument } from './features/newDocument';
import { documentSymbols, foldingRanges } from './features/symbols';
import { loadPacks, readPackFile } from './packs/loadPacks';
import { packageRoot } from './packs/packageRoot';
import { readWorkspaceConfig } from './packs/workspaceConfig';
import {
  CategoriesRequest,
  DocumentInfoNotification,
  NewDocumentRequest,
  PackProblemsNotification,
  ReadWordRequest,
  ExportDocxRequest,
  AnnotateDocxRequest,
  type ExportDocxParams,
  type AnnotateDocxParams,
  TrustChangedNotification,
  type CategoriesParams,
  type DocumentInfoParams,
  type InitializationOptions,
  type NewDocumentParams,
  type TrustChangedParams,
} from './protocol';
import { DEFAULT_SETTINGS, SettingsStore, type Settings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const history = new EditHistory();
const documents = new TextDocuments(history.documentsConfiguration());
const cache = new AnalysisCache();
const root = packageRoot();
const regulationsDir = path.join(root, 'regulations');
const builtin = loadPacks([], root);
let hasConfiguration = false;
let insertReplaceSupport = false;
let snippetSupport = false;
let versionedEdits = false;
let snippetEdits = false;
let disabledActions = false;
let trusted = false;
let workspaceFolders: string[] = [];
const settings = new SettingsStore(connection, () => hasConfiguration);
const ruleSets = new Map<string, { ruleSet: RuleSet; severities: Record<string, import('./core').SeverityOrOff>; calendar?: import('./core/records/dates').WorkCalendar }>();
const reportedProblems = new Set<string>();
/** Per document, how to cancel the analysis waiting for its debounce. */
const timers = new Map<string, () => void>();
/** The analysis last published per document (its serial: the analysis itself is not kept), so the same one is not sent twice. */
const published = new Map<string, number>();
const ledgerFeatures = new LedgerFeatures(connection, documents, () => workspaceFolders, { rules: (uri) => ruleSetForUri(uri), revalidateAgreements: () => documents.all().forEach((d) => !ledgerFeatures.owns(d.uri) && schedule(d, 0)) });

connection.onInitialize((params: InitializeParams): InitializeResult => {
  hasConfiguration = params.capabilities.workspace?.configuration === true;
  insertReplaceSupport = params.capabilities.textDocument?.completion?.completionItem?.insertReplaceSupport === true;
  snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
  versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
  disabledActions = params.capabilities.textDocument?.codeAction?.disabledSupport === true;
  snippetEdits = (params.capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true;
  trusted = (params.initializationOptions as InitializationOptions | undefined)?.trusted === true;
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => safePath(f.uri)).filter((p): p is string => p !== undefined);
  if (workspaceFolders.length === 0 && params.rootUri) {
    const rootPath = safePath(params.rootUri);
    if (rootPath) workspaceFolders = [rootPath];
  }
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      documentSymbolProvider: { label: '协议文书' },
      foldingRangeProvider: true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
    },
    serverInfo: { name: 'agreement-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'agreement' });
  reportProblems(builtin.problems);
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  ruleSets.clear();
  cache.clear();
  published.clear();
  for (const document of documents.all()) schedule(document, 0);
});

connection.onNotification(TrustChangedNotification, (params: TrustChangedParams) => {
  trusted = params.trusted === true;
  ruleSets.clear();
  cache.clear();
  published.clear();
  for (const document of documents.all()) schedule(document, 0);
});

connection.onDidChangeWatchedFiles(() => {
  ruleSets.clear();
  cache.clear();
  published.clear();
  for (const document of documents.all()) schedule(document, 0);
});

function restricted(config: Settings): Settings {
  return trusted ? config : { ...DEFAULT_SETTINGS, debounceMs: config.debounceMs };
}

function safePath(uri: string): string | undefined {
  try {
    // A Word file's extracted text (agreement-word:/…docx.agreement.md?file:///…docx) belongs to the Word file's folder.
    if (uri.startsWith('agreement-word:') && uri.includes('?')) uri = decodeURIComponent(uri.slice(uri.indexOf('?') + 1));
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function folderFor(uri: string): string | undefined {
  const file = safePath(uri);
  if (!file) return workspaceFolders[0];
  return workspaceFolders.filter((f) => file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0] ?? workspaceFolders[0];
}

/** The rule set for a document: built-in packs, plus workspace packs when the workspace is trusted. */
function ruleSetFor(uri: string, rulePacks: string[], clauseModel = true) {
  // An untrusted workspace gets the built-in rules and model whatever its settings say (turning the model off would hide findings).
  if (!trusted) return { ruleSet: builtin.ruleSet, severities: {}, calendar: undefined };
  const folder = folderFor(uri);
  const key = JSON.stringify([folder, rulePacks, clauseModel]);
  const cached = ruleSets.get(key);
  if (cached) return cached;
  const config = readWorkspaceConfig(folder, rulePacks);
  const problems = [...config.problems];
  const packs = [...builtin.packs];
  for (const file of config.packFiles) {
    const result = readPackFile(file);
    problems.push(...result.problems);
    if (result.pack) packs.push(result.pack);
  }
  reportProblems(problems);
  const model = config.clauseModel && clauseModel ? builtin.ruleSet.clauseModel : undefined;
  const ruleSet = config.packFiles.length > 0 || model !== builtin.ruleSet.clauseModel ? buildRuleSet(packs, model) : builtin.ruleSet;
  const entry = { ruleSet, severities: config.severities, calendar: config.calendar };
  ruleSets.set(key, entry);
  return entry;
}

function reportProblems(problems: Array<{ source: string; path: string; message: string }>): void {
  const fresh = problems.filter((p) => !reportedProblems.has(JSON.stringify(p)));
  if (fresh.length === 0) return;
  fresh.forEach((p) => reportedProblems.add(JSON.stringify(p)));
  for (const p of fresh) connection.console.warn(`规则包 ${p.source}${p.path ? ` ${p.path}` : ''}：${p.message}`);
  void connection.sendNotification(PackProblemsNotification, { problems: fresh });
}

async function analysisFor(document: TextDocument): Promise<Analysis | null> {
  // In Restricted Mode a workspace's settings cannot switch checking off, silence rules or shrink
  // the size limit: the built-in rules run at their default severities.
  const config = restricted(await settings.get(document.uri));
  if (!config.enable) return null;
  const { ruleSet, severities, calendar } = ruleSetFor(document.uri, config.rulePacks, config.clauseModel);
  const options = ledgerFeatures.withLedger(document.uri, settings.analyzeOptions(document.uri, config, severities, calendar));
  // A document closed while its settings were being fetched is analysed for the caller, not kept.
  return cache.get(document, ruleSet, options, documents.get(document.uri) === document);
}

function schedule(document: TextDocument, delay?: number): void {
  timers.get(document.uri)?.();
  const run = () => {
    timers.delete(document.uri);
    void validate(document.uri);
  };
  if (delay === 0) {
    run();
    return;
  }
  void settings.get(document.uri).then((config) => {
    timers.get(document.uri)?.();
    timers.set(document.uri, later(run, delay ?? config.debounceMs));
  });
}

/**
 * Run after `ms`, cancellably. A debounce of 0 waits for no timer (a timer waits at least 1 ms):
 * the run comes right after the messages already read, so edits that arrived together still
 * give one analysis.
 */
function later(run: () => void, ms: number): () => void {
  if (ms <= 0) {
    const immediate = setImmediate(run);
    return () => clearImmediate(immediate);
  }
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
}

async function validate(uri: string): Promise<void> {
  if (ledgerFeatures.owns(uri)) return ledgerFeatures.validate(uri);
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  let analysis: Analysis | null;
  try {
    analysis = await analysisFor(document);
  } catch (error) {
    connection.console.error(`分析 ${uri} 时出错：${(error as Error).stack ?? error}`);
    return;
  }
  // Never publish results for a document that is no longer open as it was (closed, reopened, edited).
  const current = documents.get(uri);
  if (current !== document || current.version !== version) return;
  if (!analysis) {
    published.delete(uri);
    void connection.sendDiagnostics({ uri, version, diagnostics: [] });
    return;
  }
  // Opening a document fires both open and change: the same analysis is published once.
  if (published.get(uri) === analysis.serial) return;
  published.set(uri, analysis.serial);
  const diagnostics = publishable(analysis.findings).map((f) => toDiagnostic(f, version, regulationsDir));
  void connection.sendDiagnostics({ uri, version, diagnostics });
  const data = analysis.doc.frontMatter.data;
  const info: DocumentInfoParams = {
    uri,
    version,
    docType: typeof data['文种'] === 'string' ? data['文种'] : null,
    category: typeof data['类别'] === 'string' ? data['类别'] : null,
    errors: analysis.findings.filter((f) => f.severity === 'error').length,
    warnings: analysis.findings.filter((f) => f.severity === 'warning').length,
    infos: analysis.findings.filter((f) => f.severity === 'info' || f.severity === 'hint').length,
  };
  void connection.sendNotification(DocumentInfoNotification, info);
}

documents.onDidOpen((event) => schedule(event.document, 0));
documents.onDidChangeContent((event) => schedule(event.document));
documents.onDidClose((event) => {
  timers.get(event.document.uri)?.();
  timers.delete(event.document.uri);
  cache.delete(event.document.uri);
  published.delete(event.document.uri);
  history.forget(event.document.uri);
  settings.clear(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

async function withAnalysis<T>(uri: string, fallback: T, use: (analysis: Analysis) => T, token?: CancellationToken): Promise<T> {
  const document = documents.get(uri);
  if (!document) return fallback;
  if (token) {
    // Let a $/cancelRequest already on its way be read before a (possibly long) analysis, and honour it.
    await new Promise((resolve) => setImmediate(resolve));
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  }
  try {
    const analysis = await analysisFor(document);
    return analysis ? use(analysis) : fallback;
  } catch (error) {
    connection.console.error(`处理 ${uri} 时出错：${(error as Error).stack ?? error}`);
    return fallback;
  }
}

connection.onDocumentSymbol((params, token) => withAnalysis(params.textDocument.uri, [], (a) => documentSymbols(a.doc), token));
connection.onFoldingRanges((params, token) => withAnalysis(params.textDocument.uri, [], (a) => foldingRanges(a.doc), token));
connection.onHover((params, token) => (ledgerFeatures.owns(params.textDocument.uri) ? ledgerFeatures.hover(params) : withAnalysis(params.textDocument.uri, null, (a) => hover(a, params.position), token)));
connection.onCodeAction((params, token) =>
  withAnalysis(params.textDocument.uri, [], (a) => codeActions(params, a, { versionedEdits, snippetEdits, disabledActions, follow: (from, start, end) => history.map(a.uri, from, a.version, start, end) }), token),
);
connection.onCompletion((params) => ledgerFeatures.owns(params.textDocument.uri) ? ledgerFeatures.completion(params) : withAnalysis(params.textDocument.uri, [], (a) => completion(a, params.position, { insertReplace: insertReplaceSupport, snippets: snippetSupport })));

/** The rule set for a (possibly unopened or untitled) URI, for the 新建协议文书 requests. */
async function ruleSetForUri(uri: string | undefined): Promise<RuleSet> {
  if (!uri) return builtin.ruleSet;
  const config = await settings.get(uri);
  return ruleSetFor(uri, config.rulePacks, config.clauseModel).ruleSet;
}
connection.onRequest(CategoriesRequest, async (params: CategoriesParams | undefined) => categories(await ruleSetForUri(params?.uri)));
connection.onRequest(NewDocumentRequest, async (params: NewDocumentParams) => newDocument(await ruleSetForUri(params.uri), params));
// The Word readers (jszip, xmldom, word-extractor) load on first use too, not before the first diagnostics.
const readers = () => require('./word/readRequest') as typeof import('./word/readRequest');
connection.onRequest(ReadWordRequest, (...args: Parameters<typeof import('./word/readRequest').readWordForEditor>) => readers().readWordForEditor(...args));

/** Rule set and analysis options for a URI (opened or not), for the requests that write Word files. */
async function analysisSetup(uri: string) {
  const config = await settings.get(uri);
  const { ruleSet, severities } = ruleSetFor(uri, config.rulePacks, config.clauseModel);
  return { ruleSet, options: settings.analyzeOptions(uri, config, severities) };
}
// The Word writers (docx, jszip) load on first use, not at server start.
const writers = () => require('./word/writeRequest') as typeof import('./word/writeRequest');
connection.onRequest(ExportDocxRequest, async (params: ExportDocxParams) => writers().exportForEditor(params, await analysisSetup(String(params?.uri ?? ''))));
connection.onRequest(AnnotateDocxRequest, async (params: AnnotateDocxParams) => writers().annotateForEditor(params, await analysisSetup(String(params?.uri ?? ''))));

process.on('uncaughtException', (error) => connection.console.error(`未处理的异常：${error.stack ?? error}`));

documents.listen(connection);
connection.listen();
