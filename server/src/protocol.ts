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

/** Client command: open a regulation's full text at an article. Arguments: [OpenProvisionArgs]. */
export const OpenProvisionCommand = 'agreement.openProvision';
export interface OpenProvisionArgs {
  /** File name under the extension's regulations/ folder. */
  file: string;
  /** Text to find in the file (the article label or the provision's opening words). */
  search: string;
}

/** Options the client passes in `initializationOptions`. */
export interface InitializationOptions {
  trusted?: boolean;
}

/** What travels in a diagnostic's `data` so code actions stay stateless. */
export interface DiagnosticData {
  /** The document version the finding (and its fix offsets) belong to. */
  version: number;
  /** Fixes as offset edits over that version's text. */
  fixes: Array<{ title: string; safe: boolean; preferred?: boolean; edits: Array<{ start: number; end: number; newText: string }> }>;
  /** For "open the provision". */
  provision?: OpenProvisionArgs;
}
