/**
 * The server over stdio, attacked: stale diagnostics, close-and-reopen races, forged
 * code-action payloads, an untrusted workspace's settings, a document with a flood of findings.
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { FRONT_MATTER_LINES, messageOf, startServer, type TestClient } from './lspClient';

const FRONT = [...FRONT_MATTER_LINES, '---'].join('\n');
const GUARANTEE = '甲方为乙方融资提供担保。';
const TWO_GUARANTEES = [FRONT, '# 某某合作协议', '一、合作原则', '互利共赢。', '二、合作内容', GUARANTEE, '双方加强交流。', GUARANTEE, ''].join('\n');

function open(client: TestClient, uri: string, text: string, version = 1): void {
  void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'agreement', version, text } });
}

function actions(client: TestClient, uri: string, diagnostics: unknown[], only?: string[]): Promise<CodeAction[]> {
  const range = (diagnostics[0] as Diagnostic | undefined)?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
}

const editsOf = (action: CodeAction | undefined, uri: string): TextEdit[] => action?.edit?.changes?.[uri] ?? [];

describe('language server under attack', function () {
  this.timeout(60000);
  let client: TestClient;
  beforeEach(async () => {
    client = await startServer();
  });
  afterEach(async () => {
    await client.stop();
  });

  it('a quick fix on a diagnostic one keystroke old edits the sentence it was about', async () => {
    const uri = 'file:///tmp/attacks/stale.agreement.md';
    const first = client.nextDiagnostics(uri);
    open(client, uri, TWO_GUARANTEES);
    const published = await first;
    const guarantees = published.diagnostics.filter((d) => d.code === 'clause/government-guarantee');
    assert.equal(guarantees.length, 2);
    const second = guarantees[1];
    // Type two characters at the start of the second guarantee's line (version 2); VS Code then asks with the old diagnostic.
    const line = second.range.start.line;
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '另外' }],
    });
    const got = await actions(client, uri, [second]);
    const remove = got.find((a) => a.title === '删除此句');
    assert.ok(remove, got.map((a) => a.title).join(' | '));
    const [edit] = editsOf(remove, uri);
    assert.equal(edit.range.start.line, line, 'the edit is on the second sentence’s line, not the first’s');
    // An edit inside the flagged words themselves makes the old diagnostic ambiguous: no fix is offered.
    const inside = second.range.start.character + '另外'.length + 1;
    assert.ok(inside < second.range.end.character + '另外'.length, 'the flagged words are longer than one character');
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line, character: inside }, end: { line, character: inside } }, text: '的' }],
    });
    const none = await actions(client, uri, [second]);
    assert.deepEqual(none.filter((a) => a.edit), []);
  });

  it('close and reopen at the same version with other text: the new text’s findings, and fix-all on the new text', async () => {
    const uri = 'file:///tmp/attacks/reopen.agreement.md';
    const a = TWO_GUARANTEES;
    const b = [FRONT, '# 某某合作协议', '一、合作原则', '互利共赢。', '三、合作内容', '双方加强交流。', ''].join('\n');
    // All three before any answer: the first validation is still waiting for its settings when the document closes.
    open(client, uri, a);
    void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const forB = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    open(client, uri, b);
    const published = await forB;
    assert.ok(!published.diagnostics.some((d) => d.code === 'clause/government-guarantee'), published.diagnostics.map((d) => d.code).join());
    await new Promise((resolve) => setTimeout(resolve, 300));
    const last = [...client.published].reverse().find((p) => p.uri === uri)!;
    assert.ok(!last.diagnostics.some((d) => d.code === 'clause/government-guarantee'), 'nothing of the closed text is shown later');
    const [fixAll] = await actions(client, uri, [], ['source.fixAll.agreement']);
    for (const edit of editsOf(fixAll, uri)) assert.ok(!edit.newText.includes(GUARANTEE), 'fix-all never brings back the closed text');
  });

  it('forged code-action data yields no edit, and a malformed diagnostic does not hide the others’ fixes', async () => {
    const uri = 'file:///tmp/attacks/forged.agreement.md';
    const first = client.nextDiagnostics(uri);
    open(client, uri, TWO_GUARANTEES);
    const published = await first;
    const real = published.diagnostics.find((d) => d.code === 'clause/government-guarantee')!;
    const forged = {
      ...real,
      data: { version: 1, start: 0, end: TWO_GUARANTEES.length, fixes: [{ title: '删除此句', safe: true, edits: [{ start: 0, end: TWO_GUARANTEES.length, newText: '' }] }] },
    };
    const reversed = { ...real, data: { version: 1, start: 50, end: 10 } };
    const malformed = { source: 'agreement', code: 'clause/government-guarantee', message: 7, range: null, data: 'junk' };
    const got = await actions(client, uri, [malformed, forged, reversed, real]);
    const edits = got.flatMap((action) => editsOf(action, uri));
    assert.ok(edits.length > 0, 'the genuine diagnostic still gets its fixes');
    for (const edit of edits) {
      assert.ok(edit.range.start.line > 0, 'no edit replaces the whole document');
      const { start, end } = edit.range;
      assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), 'no reversed range');
    }
  });

  it('in Restricted Mode the workspace’s settings cannot switch checking off', async () => {
    await client.stop();
    client = await startServer({ enable: false, rules: { 'clause/*': 'off' }, maxFileSize: 1 }, { trusted: false });
    const uri = 'file:///tmp/attacks/restricted.agreement.md';
    const first = client.nextDiagnostics(uri);
    open(client, uri, TWO_GUARANTEES);
    const published = await first;
    assert.equal(published.diagnostics.filter((d) => d.code === 'clause/government-guarantee').length, 2);
  });

  it('a document with a flood of findings gets at most 1,000 diagnostics, a summary first, published once on open', async () => {
    const uri = 'file:///tmp/attacks/flood.agreement.md';
    const text = [FRONT, '# 某某合作协议', '一、合作原则', ...Array.from({ length: 3000 }, () => GUARANTEE), ''].join('\n');
    const first = client.nextDiagnostics(uri);
    open(client, uri, text);
    const published: PublishDiagnosticsParams = await first;
    assert.equal(published.diagnostics.length, 1000);
    assert.equal(published.diagnostics[0].code, 'format/too-many-findings');
    assert.match(messageOf(published.diagnostics[0]), /只显示前 999 个/);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(client.published.filter((p) => p.uri === uri).length, 1, 'analysed and sent once on open');
  });
});
