/**
 * Word files shown as read-only agreement documents under `agreement-word:`. The URI's
 * path is the Word file's path plus `.agreement.md` (so the tab reads `草稿.docx.agreement.md`
 * and the language is `agreement`); its query holds the Word file's own URI. The text comes
 * from the language server, which reads the package; it is re-read when the file changes.
 */
import * as vscode from 'vscode';
import { ReadWordRequest, type ReadWordParams, type ReadWordResult } from '../../../server/src/protocol';

export const WORD_SCHEME = 'agreement-word';
const SUFFIX = '.agreement.md';
const SIDECAR_SUFFIX = '.agreement.yaml';
/** As the server's limit: larger files are refused before they are sent. */
const MAX_BYTES = 64 * 1024 * 1024;

export const virtualUriOf = (source: vscode.Uri) => vscode.Uri.from({ scheme: WORD_SCHEME, path: source.path + SUFFIX, query: source.toString() });
export const sourceOf = (virtual: vscode.Uri) => vscode.Uri.parse(virtual.query, true);

export interface Sender {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

async function readOptional(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Read a Word file through the server. */
export async function extractWord(source: vscode.Uri, sender: Sender): Promise<ReadWordResult> {
  const stat = await vscode.workspace.fs.stat(source);
  if (stat.size > MAX_BYTES) return { ok: false, message: vscode.l10n.t('The Word file is larger than {0} MB and was not read.', MAX_BYTES / 1024 / 1024) };
  const bytes = await vscode.workspace.fs.readFile(source);
  const sidecarUri = source.with({ path: source.path + SIDECAR_SUFFIX });
  const sidecarText = await readOptional(sidecarUri);
  const name = source.path.split('/').pop() ?? source.path;
  const params: ReadWordParams = {
    fileName: name,
    data: Buffer.from(bytes).toString('base64'),
    ...(sidecarText !== undefined ? { sidecar: { name: name + SIDECAR_SUFFIX, text: sidecarText } } : {}),
  };
  return sender.sendRequest<ReadWordResult>(ReadWordRequest, params);
}

export class WordDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly sender: () => Sender | undefined) {}

  /** Remember the text of `virtual` and re-read it whenever its Word file changes. */
  set(virtual: vscode.Uri, text: string): void {
    const key = virtual.toString();
    this.texts.set(key, text);
    if (this.watchers.has(key)) return;
    const source = sourceOf(virtual);
    if (source.scheme !== 'file') return;
    const folder = vscode.Uri.joinPath(source, '..');
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, source.path.split('/').pop()!));
    const refresh = () => void this.refresh(virtual);
    watcher.onDidChange(refresh);
    watcher.onDidCreate(refresh);
    this.watchers.set(key, watcher);
  }

  async refresh(virtual: vscode.Uri): Promise<void> {
    const sender = this.sender();
    if (!sender) return;
    const result = await extractWord(sourceOf(virtual), sender).catch((error: Error) => ({ ok: false as const, message: error.message }));
    this.texts.set(virtual.toString(), result.ok ? result.text : result.message);
    this.changed.fire(virtual);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) return known;
    // Reopened after a window reload: read the Word file again.
    const sender = this.sender();
    if (!sender) return vscode.l10n.t('The agreement language server is not running.');
    const result = await extractWord(sourceOf(uri), sender).catch((error: Error) => ({ ok: false as const, message: error.message }));
    if (!result.ok) return result.message;
    this.set(uri, result.text);
    return result.text;
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.dispose();
    this.changed.dispose();
  }
}
