/**
 * 新建协议文书 (agreement.new): pick 文种, then 类别, enter 甲方 and 乙方, and open an
 * untitled `*.agreement.md` filled from the category's skeleton (built by the server
 * from the rule packs), with tab stops through 牵头单位 and each section's text.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CategoriesRequest,
  NewDocumentRequest,
  type CategoriesResult,
  type CategoryInfo,
  type NewDocumentParams,
  type NewDocumentResult,
} from '../../server/src/protocol';

const STEPS = 4;

export async function newAgreementDocument(client: LanguageClient | undefined): Promise<vscode.TextEditor | undefined> {
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The agreement language server is not running.'));
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const info = await client.sendRequest<CategoriesResult>(CategoriesRequest, { uri: folder?.toString() });

  const docType = await pickDocType(info);
  if (!docType) return undefined;
  const category = await pickCategory(info.categories, docType);
  if (!category) return undefined;
  const partyA = await askParty(3, vscode.l10n.t('Party A (甲方): full name, usually the government body'), '天津市河北区人民政府');
  if (partyA === undefined) return undefined;
  const partyB = await askParty(4, vscode.l10n.t('Party B (乙方): full name'), '某某集团有限公司');
  if (partyB === undefined) return undefined;

  const params: NewDocumentParams = { uri: folder?.toString(), category: category.name, docType, partyA, partyB, date: today() };
  const result = await client.sendRequest<NewDocumentResult>(NewDocumentRequest, params);
  return openUntitled(folder, result);
}

function title(step: number): string {
  return vscode.l10n.t('New Agreement Document ({0}/{1})', step, STEPS);
}

async function pickDocType(info: CategoriesResult): Promise<string | undefined> {
  const items = info.docTypes.map((docType) => {
    const users = info.categories.filter((c) => c.docTypes.includes(docType)).map((c) => c.name);
    return { label: docType, description: users.length > 0 ? users.join('、') : undefined };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: title(1),
    placeHolder: vscode.l10n.t('Document type (文种)'),
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  return picked?.label;
}

async function pickCategory(categories: CategoryInfo[], docType: string): Promise<CategoryInfo | undefined> {
  type Item = vscode.QuickPickItem & { category?: CategoryInfo };
  const fits = categories.filter((c) => c.docTypes.length === 0 || c.docTypes.includes(docType));
  const others = categories.filter((c) => !fits.includes(c));
  const item = (c: CategoryInfo): Item => ({
    label: c.name,
    description: c.docTypes.length > 0 && !c.docTypes.includes(docType) ? vscode.l10n.t('usually {0}', c.docTypes.join('、')) : undefined,
    detail: `${c.description} ${vscode.l10n.t('Sections: {0}', c.sections.join('、'))}`,
    category: c,
  });
  const items: Item[] = [...fits.map(item)];
  if (others.length > 0) items.push({ label: vscode.l10n.t('Other categories'), kind: vscode.QuickPickItemKind.Separator }, ...others.map(item));
  const picked = await vscode.window.showQuickPick(items, {
    title: title(2),
    placeHolder: vscode.l10n.t('Category (类别): who the agreement is with; it decides the required sections'),
    ignoreFocusOut: true,
    matchOnDetail: true,
  });
  return picked?.category;
}

function askParty(step: number, prompt: string, example: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: title(step),
    prompt,
    placeHolder: vscode.l10n.t('e.g. {0}', example),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim().length === 0 ? vscode.l10n.t('Enter the full name.') : /[\r\n]/.test(value) ? vscode.l10n.t('Enter one line.') : undefined),
  });
}

/** An untitled document next to the workspace folder's files (so Save proposes the name), else a plain untitled one. */
async function openUntitled(folder: vscode.Uri | undefined, result: NewDocumentResult): Promise<vscode.TextEditor> {
  let document: vscode.TextDocument;
  if (folder?.scheme === 'file') {
    const uri = await freeName(folder, result.fileName);
    document = await vscode.workspace.openTextDocument(uri.with({ scheme: 'untitled' }));
  } else {
    document = await vscode.workspace.openTextDocument({ language: 'agreement', content: '' });
  }
  if (document.languageId !== 'agreement') document = await vscode.languages.setTextDocumentLanguage(document, 'agreement');
  const editor = await vscode.window.showTextDocument(document);
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const inserted = await editor.insertSnippet(new vscode.SnippetString(result.snippet), whole);
  if (!inserted) await editor.edit((edit) => edit.replace(whole, result.text));
  return editor;
}

async function freeName(folder: vscode.Uri, fileName: string): Promise<vscode.Uri> {
  const base = fileName.replace(/\.agreement\.md$/, '');
  for (let i = 1; i < 100; i++) {
    const candidate = vscode.Uri.joinPath(folder, i === 1 ? fileName : `${base}-${i}.agreement.md`);
    const open = vscode.workspace.textDocuments.some((d) => d.uri.path === candidate.path);
    if (!open && !(await exists(candidate))) return candidate;
  }
  return vscode.Uri.joinPath(folder, `${base}-${Date.now()}.agreement.md`);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Today as YYYY-MM-DD in local time. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
