/** Registers the 履约台账 view and its commands; data comes from the language server. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LedgerRequest, type LedgerResult } from '../../../server/src/protocol';
import { chooseGrouping, openClause, setStatus } from './commands';
import { LedgerTreeProvider, type Grouping, type LedgerNode } from './tree';

export const LEDGER_VIEW = 'agreement.ledger';

export function registerLedgerView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): LedgerTreeProvider {
  const tree = new LedgerTreeProvider(async () => {
    const c = client();
    if (!c) throw new Error(vscode.l10n.t('The agreement language server is not running.'));
    return c.sendRequest<LedgerResult>(LedgerRequest, {});
  });
  const view = vscode.window.createTreeView<LedgerNode>(LEDGER_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  let timer: NodeJS.Timeout | undefined;
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tree.refresh(), 800);
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.agreement.md,履约台账.yaml}');
  context.subscriptions.push(
    view,
    watcher,
    watcher.onDidChange(later),
    watcher.onDidCreate(later),
    watcher.onDidDelete(later),
    vscode.workspace.onDidChangeTextDocument((e) => (e.document.languageId === 'agreement' || e.document.fileName.endsWith('履约台账.yaml')) && later()),
    view.onDidChangeVisibility((e) => e.visible && void tree.refresh()),
    vscode.commands.registerCommand('agreement.ledger.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('agreement.ledger.openClause', (row) => openClause(row)),
    vscode.commands.registerCommand('agreement.ledger.setStatus', (node?: LedgerNode, status?: string) => setStatus(client(), tree, node, status)),
    vscode.commands.registerCommand('agreement.ledger.groupBy', (grouping?: Grouping) => chooseGrouping(tree, grouping)),
    // For tests and other extensions: the view's current data.
    vscode.commands.registerCommand('agreement.ledger.data', () => ({ grouping: tree.grouping, result: tree.result, roots: tree.getChildren().map((n) => tree.getTreeItem(n)) })),
    { dispose: () => timer && clearTimeout(timer) },
  );
  void tree.refresh();
  return tree;
}
