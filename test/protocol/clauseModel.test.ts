import * as assert from 'node:assert/strict';
import { FRONT_MATTER_LINES, messageOf, startServer, type TestClient } from './lspClient';

const URI = 'file:///tmp/protocol-model.agreement.md';
/** A sentence in wording no built-in rule reads; the built-in clause model recognises it. */
const TEXT = [...FRONT_MATTER_LINES, '---', '# 投资合作协议', '一、合作内容', '项目用地由镇里按乙方的需要预先留足，待乙方具备条件时再行供地。', ''].join('\n');

async function landFindings(settings: Record<string, unknown>, trusted = true): Promise<string[]> {
  const client: TestClient = await startServer(settings, { trusted });
  try {
    const waiting = client.nextDiagnostics(URI);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'agreement', version: 1, text: TEXT } });
    const published = await waiting;
    return published.diagnostics.filter((d) => d.code === 'clause/land-preassignment').map(messageOf);
  } finally {
    await client.stop();
  }
}

describe('language server: the clause model and agreement.clauseModel', function () {
  this.timeout(60000);

  it('reports what the model recognises, saying it is the model’s judgement', async () => {
    const messages = await landFindings({});
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0], /条款模型判断，置信度 \d+%/);
  });

  it('agreement.clauseModel: false leaves only what the rules read', async () => {
    assert.deepEqual(await landFindings({ clauseModel: false }), []);
  });

  it('an untrusted workspace cannot turn it off (it would hide findings)', async () => {
    assert.equal((await landFindings({ clauseModel: false }, false)).length, 1);
  });
});
