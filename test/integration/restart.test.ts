import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  extensionApi,
  lineOf,
  ours,
  removeScratch,
  scratchCopy,
  waitForFreshDiagnostics,
  waitUntil,
} from './helpers';

describe('language server crash and restart', () => {
  after(closeAllEditors);
  after(removeScratch);

  it('when the server process is killed, the client starts a new one and diagnostics follow edits again', async () => {
    const { client } = await extensionApi();
    assert.ok(client);
    const uri = scratchCopy('complete.agreement.md', 'restart.agreement.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    await waitForFreshDiagnostics(doc, d => !d.some(x => codeOf(x) === 'clause/exclusive'), 'the first analysis');

    // The server runs as a Node child process over IPC; the client exposes it
    // as `serverProcess` (vscode-languageclient/node). Killing it is a crash
    // from the client's point of view: its default error handler restarts the
    // server (up to 4 times in 3 minutes).
    await waitUntil(() => client.isRunning() && !!client.serverProcess?.pid, [], 'the language client to be running');
    const oldProcess = client.serverProcess!;
    const oldPid = oldProcess.pid!;
    const exited = new Promise<NodeJS.Signals | number | null>(r => oldProcess.once('exit', (code, signal) => r(signal ?? code)));
    assert.ok(process.kill(oldPid, 'SIGKILL'), `could not kill the server (pid ${oldPid})`);
    const how = await exited;
    console.log(`      killed the language server (pid ${oldPid}, ${how})`);

    await waitUntil(
      () => client.isRunning() && client.serverProcess?.pid !== undefined && client.serverProcess.pid !== oldPid,
      [client.onDidChangeState as vscode.Event<unknown>],
      'the language client to restart the server',
    );
    const newPid = client.serverProcess!.pid!;
    console.log(`      restarted: new server pid ${newPid}`);
    assert.notStrictEqual(newPid, oldPid);

    // An edit after the restart reaches the new server: add an exclusive clause.
    const line = lineOf(doc, '本协议不设排他性条款');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, doc.lineAt(line).range.end, '甲方给予乙方在本区的独家经营权。');
    assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit failed');
    const after = await waitForFreshDiagnostics(doc, d => d.some(x => codeOf(x) === 'clause/exclusive'), 'clause/exclusive from the restarted server');
    const hit = after.find(x => codeOf(x) === 'clause/exclusive')!;
    assert.strictEqual(hit.range.start.line, line, describeDiagnostics(ours(after)));
  });
});
