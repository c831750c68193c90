import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  openAsUser,
  ours,
  removeScratch,
  scratchCopy,
  sectionRange,
  waitForAnalysis,
  waitForDiagnostics,
  waitForEvent,
  waitForOurDiagnostics,
} from './helpers';

const missing = (diags: readonly vscode.Diagnostic[], section: string) =>
  ours(diags).filter(d => codeOf(d) === 'section/missing' && d.message.includes(section));

describe('editing and closing', () => {
  afterEach(closeAllEditors);
  after(removeScratch);

  it('deleting a section with a WorkspaceEdit reports it missing; restoring it clears that', async () => {
    const uri = scratchCopy('complete.agreement.md', 'edit.agreement.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const before = await waitForAnalysis(uri);
    assert.deepStrictEqual(missing(before, '资金来源'), [], `资金来源 already reported missing:\n${describeDiagnostics(before)}`);

    const range = sectionRange(doc, '四、资金来源');
    const removed = doc.getText(range);
    const del = new vscode.WorkspaceEdit();
    del.delete(uri, range);
    assert.ok(await vscode.workspace.applyEdit(del), 'applyEdit (delete) failed');
    assert.ok(!doc.getText().includes('四、资金来源'));

    const after = await waitForDiagnostics(uri, d => missing(d, '资金来源').length > 0, 'section/missing for 资金来源');
    assert.strictEqual(missing(after, '资金来源').length, 1, describeDiagnostics(ours(after)));

    const ins = new vscode.WorkspaceEdit();
    ins.insert(uri, range.start, removed);
    assert.ok(await vscode.workspace.applyEdit(ins), 'applyEdit (insert) failed');
    await waitForDiagnostics(uri, d => missing(d, '资金来源').length === 0, 'section/missing for 资金来源 to go away');
  });

  it('closing a document clears its diagnostics', async () => {
    const uri = scratchCopy('findings.agreement.md', 'close.agreement.md');
    // Opened the way a user opens it (through the workbench, not openTextDocument,
    // whose reference keeps the document alive for minutes after its editor closes).
    const doc = await openAsUser(uri);
    assert.strictEqual(doc.languageId, 'agreement');
    await waitForOurDiagnostics(uri);
    const closed = waitForEvent(vscode.workspace.onDidCloseTextDocument, d => d.uri.toString() === uri.toString(), `${uri.fsPath} to be closed`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await closed;
    await waitForDiagnostics(uri, d => ours(d).length === 0, 'diagnostics to be cleared after close');
  });
});
