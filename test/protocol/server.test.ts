import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { FRONT_MATTER_LINES, messageOf, startServer, type TestClient } from './lspClient';

const URI = 'file:///tmp/protocol-test.agreement.md';
const TEXT = [
  ...FRONT_MATTER_LINES,
  '---',
  '# 河北区人民政府与某某集团有限公司战略合作协议',
  '一、合作原则',
  '坚持企业主体地位，互利共赢。',
  '二、合作内容',
  '双方在智能制造领域开展合作。甲方同意乙方为本区域内唯一合作伙伴，享有独家合作权。',
  '',
].join('\n');

describe('language server over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client.stop();
  });

  it('publishes diagnostics on open, with rule ids as codes, Chinese messages and the source', async () => {
    const waiting = client.nextDiagnostics(URI);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'agreement', version: 1, text: TEXT } });
    const published = await waiting;
    assert.equal(published.version, 1);
    const codes = published.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('section/missing'), `codes: ${codes.join(', ')}`);
    for (const d of published.diagnostics) {
      assert.equal(d.source, 'agreement');
      assert.match(messageOf(d), /[\u4e00-\u9fff]/);
    }
  });

  it('answers document symbols with the section tree', async () => {
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as Array<{ name: string; children?: unknown[] }>;
    const names = symbols.map((s) => s.name);
    assert.ok(names.includes('一、合作原则'), names.join(' | '));
    assert.ok(names.includes('二、合作内容'));
  });

  it('updates diagnostics after an incremental edit and never publishes an older version after a newer one', async () => {
    const lines = TEXT.split('\n');
    const line = lines.findIndex((l) => l === '二、合作内容');
    const waiting = client.nextDiagnostics(URI, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 6 } }, text: '二、资金来源' }],
    });
    const published = await waiting;
    const missing = published.diagnostics.filter((d) => d.code === 'section/missing').map(messageOf);
    assert.ok(missing.some((m) => m.includes('“合作内容”')), missing.join('\n'));
    assert.ok(!missing.some((m) => m.includes('缺少“资金来源”')), missing.join('\n'));
    const versions = client.published.filter((p) => p.uri === URI).map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
  });

  it('offers quick fixes from the diagnostic data, and the section insert removes its finding', async () => {
    const current = client.published.filter((p) => p.uri === URI).pop()!;
    const diagnostic = current.diagnostics.find((d) => d.code === 'section/missing' && messageOf(d).includes('“合作内容”'))!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as Array<{ title: string; isPreferred?: boolean; edit?: unknown }>;
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('在此处停用')), titles.join(' | '));
    const insert = actions.find((a) => a.title.includes('插入“合作内容”'));
    assert.ok(insert, titles.join(' | '));
    // Several sections missing: one finding, one insert each, and the insert of all is the preferred one.
    assert.equal(insert.isPreferred, titles.some((t) => t.startsWith('插入全部')) ? false : true);
    assert.ok(actions.some((a) => a.isPreferred && a.title.startsWith('插入')));
    // Apply the edit as a client would, send the new text, and see the finding go.
    const edits = (insert.edit as { changes: Record<string, TextEdit[]> }).changes[URI];
    const before = TextDocument.create(URI, 'agreement', 2, TEXT.replace('二、合作内容', '二、资金来源'));
    const after = TextDocument.applyEdits(before, edits);
    assert.ok(after.includes('合作内容'));
    const waiting = client.nextDiagnostics(URI, (p) => p.version === 3);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: after }] });
    const published = await waiting;
    assert.ok(!published.diagnostics.some((d) => messageOf(d).includes('缺少“合作内容”')));
  });

  it('clears diagnostics when the document closes', async () => {
    const waiting = client.nextDiagnostics(URI, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    assert.equal((await waiting).diagnostics.length, 0);
  });
});
