/**
 * 检查 Word 文件 (agreement.checkWord) and 另存为 .agreement.md (agreement.saveWordAsAgreement).
 * The first opens a .docx / .doc (from the Explorer's context menu, the active tab, or a file
 * picker) as a read-only agreement document with live diagnostics and hovers; the second
 * saves that text beside the Word file as `草稿.agreement.md`, to be edited and fixed.
 */
import * as vscode from 'vscode';
import { extractWord, sourceOf, virtualUriOf, WORD_SCHEME, WordDocumentProvider, type Sender } from './wordDocuments';

export const CheckWordCommand = 'agreement.checkWord';
export const SaveWordAsAgreementCommand = 'agreement.saveWordAsAgreement';

const WORD_FILE = /\.(docx|docm|doc|wps)$/i;

async function pickWordFile(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri && WORD_FILE.test(arg.path)) return arg;
  const active = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (active instanceof vscode.TabInputCustom || active instanceof vscode.TabInputText) {
    if (WORD_FILE.test(active.uri.path)) return active.uri;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Check'),
    filters: { [vscode.l10n.t('Word documents')]: ['docx', 'doc', 'docm', 'wps'] },
  });
  return picked?.[0];
}

export async function checkWord(provider: WordDocumentProvider, sender: Sender | undefined, arg: unknown): Promise<vscode.TextEditor | undefined> {
  if (!sender) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The agreement language server is not running.'));
    return undefined;
  }
  const source = await pickWordFile(arg);
  if (!source) return undefined;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading Word file…') }, () =>
    extractWord(source, sender).catch((error: Error) => ({ ok: false as const, message: error.message })),
  );
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  const virtual = virtualUriOf(source);
  provider.set(virtual, result.text);
  let document = await vscode.workspace.openTextDocument(virtual);
  if (document.languageId !== 'agreement') document = await vscode.languages.setTextDocumentLanguage(document, 'agreement');
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const saveAs = vscode.l10n.t('Save as .agreement.md');
  if (result.notes.length > 0) {
    void vscode.window.showInformationMessage(result.notes.join(' '), saveAs).then((choice) => {
      if (choice === saveAs) void saveWordAsAgreement(virtual);
    });
  }
  return editor;
}

/** Save the extracted text as `<name>.agreement.md` beside the Word file (the officer confirms the place). */
export async function saveWordAsAgreement(arg: unknown, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const virtual = arg instanceof vscode.Uri && arg.scheme === WORD_SCHEME ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!virtual || virtual.scheme !== WORD_SCHEME) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a Word file with “Check Word File” first.'));
    return undefined;
  }
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === virtual.toString()) ?? (await vscode.workspace.openTextDocument(virtual));
  const source = sourceOf(virtual);
  const suggested = source.with({ path: source.path.replace(/\.(docx|docm|doc|wps)$/i, '') + '.agreement.md', query: '' });
  const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [vscode.l10n.t('Agreement documents')]: ['agreement.md', 'md'] } }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(document.getText()));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  return uri;
}

/** Register the Word commands and the `agreement-word:` documents. */
export function registerWordCommands(context: vscode.ExtensionContext, sender: () => Sender | undefined): void {
  const provider = new WordDocumentProvider(sender);
  context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(WORD_SCHEME, provider),
    vscode.commands.registerCommand(CheckWordCommand, (arg: unknown) => checkWord(provider, sender(), arg)),
    vscode.commands.registerCommand(SaveWordAsAgreementCommand, (arg: unknown, target?: vscode.Uri) => saveWordAsAgreement(arg, target)),
  );
}
