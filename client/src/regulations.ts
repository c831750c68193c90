import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OpenProvisionArgs } from '../../server/src/protocol';
import { provisionText } from './provisionText';

export const REGULATION_SCHEME = 'agreement-regulation';

/** Serves the shipped regulation texts read-only under `agreement-regulation:`. */
export class RegulationProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly dir: string) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const name = path.basename(uri.path);
    const file = path.join(this.dir, name);
    if (!file.startsWith(this.dir) || !fs.existsSync(file)) return vscode.l10n.t('Regulation text not found: {0}', name);
    return provisionText(fs.readFileSync(file, 'utf8'), name);
  }

  /** Open the regulation and reveal the first line containing the article or its words. */
  async open(args: OpenProvisionArgs | undefined): Promise<void> {
    if (!args?.file) return;
    const uri = vscode.Uri.from({ scheme: REGULATION_SCHEME, path: `/${path.basename(args.file)}` });
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    const text = document.getText();
    const at = args.search ? text.indexOf(args.search) : -1;
    if (at >= 0) {
      const start = document.positionAt(at);
      const range = new vscode.Range(start, document.positionAt(at + args.search.length));
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
    }
  }
}
