/**
 * Custom messages between the extension (client) and the language server, in one place.
 * Both sides import this file; it has no runtime dependencies.
 */

/** Server → client, after each analysis: what the status bar shows. */
export const DocumentInfoNotification = 'agreement/documentInfo';
export interface DocumentInfoParams {
  uri: string;
  version: number | null;
  docType: string | null;
  category: string | null;
  errors: number;
  warnings: number;
  infos: number;
}

/** Client → server: the workspace's trust changed (workspace packs load only when trusted). */
export const TrustChangedNotification = 'agreement/trustChanged';
export interface TrustChangedParams {
  trusted: boolean;
}

/** Server → client: rule packs that could not be loaded (shown once as a warning). */
export const PackProblemsNotification = 'agreement/packProblems';
export interface PackProblemsParams {
  problems: Array<{ source: string; path: string; message: string }>;
}

/** Command (server-side, via workspace/executeCommand): apply every safe fix in a document. */
export const FixAllCommand = 'agreement.server.fixAll';

/** Client command 新建协议文书: pick 文种, 类别, 甲方, 乙方, then open an untitled document from the skeleton. */
export const NewDocumentCommand = 'agreement.new';

/** Client command: open a regulation's full text at an article. Arguments: [OpenProvisionArgs]. */
export const OpenProvisionCommand = 'agreement.openProvision';
export interface OpenProvisionArgs {
  /** File name under the extension's regulations/ folder. */
  file: string;
  /** Text to find in the file (the article label or the provision's opening words). */
  search: string;
  /** What the menu shows, e.g. `河北政办〔2017〕47号 二(四)`. */
  label?: string;
}

/** Options the client passes in `initializationOptions`. */
export interface InitializationOptions {
  trusted?: boolean;
}

/** What travels in a diagnostic's `data` so code actions stay stateless. */
export interface DiagnosticData {
  /** The document version the finding belongs to. */
  version: number;
  /**
   * The finding's span, as UTF-16 offsets into that version's text. With the rule id (the
   * diagnostic's code) it names the finding; code actions look it up in the current analysis
   * (following the edits made since, for a diagnostic of an older version) and take its fixes
   * from there. Fixes themselves are never sent: they are computed when asked for, and data a
   * client sends back is never trusted as an edit.
   */
  start: number;
  end: number;
}

/** Client → server request (新建协议文书): the 文种 and categories to choose from. */
export const CategoriesRequest = 'agreement/categories';
export interface CategoriesParams {
  /** A document or folder URI whose rule packs apply (workspace packs in trusted workspaces); built-in packs without it. */
  uri?: string;
}
export interface CategoryInfo {
  name: string;
  /** One line: who the counterparty is, who leads. */
  description: string;
  /** The 文种 this category normally uses (first is the usual one). */
  docTypes: string[];
  /** Required sections, in order. */
  sections: string[];
}
export interface CategoriesResult {
  /** Every 文种 the schema allows. */
  docTypes: string[];
  categories: CategoryInfo[];
}

/** Client → server request (新建协议文书): the text of a new document built from the category's skeleton. */
export const NewDocumentRequest = 'agreement/newDocument';
export interface NewDocumentParams {
  uri?: string;
  category: string;
  docType: string;
  partyA?: string;
  partyB?: string;
  /** Today as YYYY-MM-DD, in the officer's time zone. */
  date?: string;
}
export interface NewDocumentResult {
  /** The document, every placeholder at its default. */
  text: string;
  /** The same document as a snippet: the officer tabs through 标题, 牵头单位 and each section's text. */
  snippet: string;
  /** A suggested file name, e.g. `企业集团-协议书.agreement.md`. */
  fileName: string;
}

/** Client → server request (检查 Word 文件): a Word file's bytes in, its text as an agreement document out. */
export const ReadWordRequest = 'agreement/readWord';
export interface ReadWordParams {
  /** The file's name (the reader tells .doc, .docx and .wps apart by content, the name only for look-alikes). */
  fileName: string;
  /** The file's bytes, base64. */
  data: string;
  /** The sidecar `draft.docx.agreement.yaml` beside it, when there is one: front-matter values the officer wrote. */
  sidecar?: { name: string; text: string };
}
export type ReadWordResult =
  | { ok: true; text: string; notes: string[]; inferred: Record<string, string> }
  | { ok: false; message: string };

/** Client → server request (导出为公文格式 (.docx)): an agreement document's text in, a Word file in 公文格式 out. */
export const ExportDocxRequest = 'agreement/exportDocx';
export interface ExportDocxParams {
  /** The document's URI: its rule packs and severities apply to `withFindings`. */
  uri: string;
  text: string;
  /** Add the findings as comments (生成审查意见（批注版） on an agreement document). */
  withFindings?: boolean;
  /** Fonts and margins from the `agreement.export.*` settings (checked by the server). */
  layout?: { fonts?: Record<string, unknown>; page?: Record<string, unknown> };
  author?: string;
  initials?: string;
}

/** Client → server request (生成审查意见（批注版） on a .docx): the Word file's bytes in, the annotated copy out. */
export const AnnotateDocxRequest = 'agreement/annotateDocx';
export interface AnnotateDocxParams {
  /** The Word file's URI (for its rule packs). */
  uri: string;
  fileName: string;
  /** The file's bytes, base64. */
  data: string;
  sidecar?: { name: string; text: string };
  author?: string;
  initials?: string;
  trackChanges?: boolean;
}

/** What both writing requests answer: the file's bytes (base64) for the editor to save, or why not. */
export type WrittenDocxResult = { ok: true; data: string; comments: number; revisions: number; notes: string[] } | { ok: false; message: string };

/** Client → server request (履约台账 view): every commitment of the workspace's agreements, merged with 履约台账.yaml. */
export const LedgerRequest = 'agreement/ledger';
export interface LedgerParams {
  /** Reference date YYYY-MM-DD (default: the server's today). */
  asOf?: string;
}
export interface LedgerViewRow {
  id: string;
  /** The agreement's URI and its path as the ledger names it. */
  uri: string;
  file: string;
  title: string;
  clause: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  role: string;
  party: string;
  side: 'government' | 'counterparty';
  text: string;
  amounts: string[];
  /** The deadline as written (a date or 签约后30日内), '' when none. */
  deadline: string;
  due: string | null;
  daysLeft: number | null;
  condition: string | null;
  /** Recorded in the ledger file (or the default for a new commitment). */
  status: string;
  /** 逾期 when past due and not kept. */
  effectiveStatus: string;
  warning: '红' | '黄' | '绿';
  recorded: boolean;
  unit: string;
  person: string;
}
export interface LedgerOrphan {
  id: string;
  file: string;
  status: string;
  text: string;
  reason: string;
}
export interface LedgerResult {
  asOf: string;
  /** The ledger file of the first workspace folder (it may not exist yet). */
  ledgerUri: string | null;
  rows: LedgerViewRow[];
  orphans: LedgerOrphan[];
  /** Problems reading the ledger file, in Chinese. */
  problems: string[];
}

/** Client → server request: the ledger file's new text after setting one commitment's status (the client applies and saves it). */
export const LedgerSetStatusRequest = 'agreement/ledgerSetStatus';
export interface LedgerSetStatusParams {
  id: string;
  status: string;
  /** Today, YYYY-MM-DD, recorded as 销号日期 when the status is 已销号. */
  date?: string;
  /** The current text of the ledger file when it is open in the editor. */
  text?: string;
}
export type LedgerSetStatusResult = { ok: true; uri: string; text: string; exists: boolean } | { ok: false; message: string };
