/** The 履约台账 view's commands: open a clause, set a status (writes 履约台账.yaml), group, refresh. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LedgerSetStatusRequest, type LedgerSetStatusResult, type LedgerViewRow } from '../../../server/src/protocol';
import type { Grouping, LedgerNode, LedgerTreeProvider } from './tree';

const STATUSES = ['未到期', '履行中', '已兑现', '部分兑现', '未兑现', '逾期', '已销号'];

export async function openClause(row: LedgerViewRow): Promise<void> {
  const uri = vscode.Uri.parse(row.uri);
  const range = new vscode.Range(row.range.start.line, row.range.start.character, row.range.end.line, row.range.end.character);
  await vscode.window.showTextDocument(uri, { selection: range, preview: true });
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Pick a row (when none is given) and a status; the server computes the new ledger text, the editor applies and saves it. */
export async function setStatus(client: LanguageClient | undefined, tree: LedgerTreeProvider, node?: LedgerNode | LedgerViewRow, status?: string): Promise<boolean> {
  if (!client) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The agreement language server is not running.'));
    return false;
  }
  let row: LedgerViewRow | undefined = node && 'kind' in node ? (node.kind === 'row' ? node.row : undefined) : (node as LedgerViewRow | undefined);
  if (!row) {
    const rows = tree.result?.rows ?? [];
    const picked = await vscode.window.showQuickPick(
      rows.map((r) => ({ label: `${r.role}：${r.text}`, description: `${r.effectiveStatus} · ${r.deadline}`, detail: `${r.id} · ${r.title} ${r.clause}`, row: r })),
      { placeHolder: vscode.l10n.t('Commitment whose status to change'), matchOnDetail: true },
    );
    row = picked?.row;
  }
  if (!row) return false;
  const chosen =
    status ??
    (await vscode.window.showQuickPick(
      STATUSES.map((s) => ({ label: s, description: s === row!.status ? vscode.l10n.t('current') : undefined })),
      { placeHolder: vscode.l10n.t('New status of {0}', row.id) },
    ))?.label;
  if (!chosen) return false;
  const ledgerUri = tree.result?.ledgerUri ? vscode.Uri.parse(tree.result.ledgerUri) : undefined;
  const open = ledgerUri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === ledgerUri.toString()) : undefined;
  const result: LedgerSetStatusResult = await client.sendRequest(LedgerSetStatusRequest, { id: row.id, status: chosen, date: today(), text: open?.getText() });
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return false;
  }
  const uri = vscode.Uri.parse(result.uri);
  const edit = new vscode.WorkspaceEdit();
  if (!result.exists && !open) {
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), result.text);
  } else {
    const document = open ?? (await vscode.workspace.openTextDocument(uri));
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), result.text);
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The ledger file could not be written.'));
    return false;
  }
  await (await vscode.workspace.openTextDocument(uri)).save();
  await tree.refresh();
  return true;
}

export async function chooseGrouping(tree: LedgerTreeProvider, grouping?: Grouping): Promise<void> {
  const options: Array<{ label: string; value: Grouping }> = [
    { label: vscode.l10n.t('By agreement'), value: 'agreement' },
    { label: vscode.l10n.t('By side'), value: 'side' },
    { label: vscode.l10n.t('By status'), value: 'status' },
  ];
  const value = grouping ?? (await vscode.window.showQuickPick(options, { placeHolder: vscode.l10n.t('Group the ledger') }))?.value;
  if (value) tree.setGrouping(value);
}
