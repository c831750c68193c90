import * as vscode from 'vscode';
import type { DocumentInfoParams } from '../../server/src/protocol';

/**
 * 文种 · 类别 of the active agreement; opens the Problems view. No counts: VS Code's own
 * status bar item already shows the errors and warnings.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('agreement.status', vscode.StatusBarAlignment.Left, 100);
  private readonly infos = new Map<string, DocumentInfoParams>();

  constructor() {
    this.item.name = vscode.l10n.t('Agreement');
    this.item.command = 'workbench.actions.view.problems';
    this.item.tooltip = vscode.l10n.t('Show problems');
  }

  update(info: DocumentInfoParams): void {
    this.infos.set(info.uri, info);
    this.refresh();
  }

  refresh(): void {
    const editor = vscode.window.activeTextEditor;
    const info = editor && editor.document.languageId === 'agreement' ? this.infos.get(editor.document.uri.toString()) : undefined;
    if (!info) {
      this.item.hide();
      return;
    }
    const kind = [info.docType ?? vscode.l10n.t('(no type)'), info.category ?? vscode.l10n.t('(no category)')].join(' · ');
    this.item.text = statusText(kind);
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** The item's text: the document's kind only (exported for the test). */
export function statusText(kind: string): string {
  return `$(law) ${kind}`;
}
