import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ReadWordRequest, type ReadWordResult } from '../../server/src/protocol';
import { startServer, type TestClient } from './lspClient';

const DOCX = path.resolve(__dirname, '../../../test/fixtures/word/招商合作协议.docx');

describe('Word files over stdio: agreement/readWord and agreement-word: documents', () => {
  let client: TestClient;
  before(async () => (client = await startServer()));
  after(async () => client.stop());

  it('reads a .docx into agreement text; the agreement-word: document it opens is analysed', async () => {
    const result = (await client.connection.sendRequest(ReadWordRequest, { fileName: '招商合作协议.docx', data: fs.readFileSync(DOCX).toString('base64') })) as ReadWordResult;
    assert.ok(result.ok, JSON.stringify(result));
    assert.match(result.text, /\n（一）产业项目\n/);
    const uri = `agreement-word:${encodeURI(DOCX)}.agreement.md?${encodeURIComponent('file://' + DOCX)}`;
    const waiting = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'agreement', version: 1, text: result.text } });
    const published = await waiting;
    assert.ok(published.diagnostics.some((d) => d.code === 'clause/tax-rebate'), JSON.stringify(published.diagnostics.map((d) => d.code)));
  });

  it('a file that is not a Word document, or a forged request, is answered with a message', async () => {
    const pdf = (await client.connection.sendRequest(ReadWordRequest, { fileName: 'a.docx', data: Buffer.from('%PDF-1.7').toString('base64') })) as ReadWordResult;
    assert.equal(pdf.ok, false);
    const forged = (await client.connection.sendRequest(ReadWordRequest, { fileName: 3 })) as ReadWordResult;
    assert.equal(forged.ok, false);
  });
});
