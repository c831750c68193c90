import * as assert from 'node:assert/strict';
import { FRONT_MATTER_LINES, startServer, type TestClient } from './lspClient';

const URI = 'file:///tmp/protocol-authoring.agreement.md';
const TEXT = [
  ...FRONT_MATTER_LINES,
  '',
  '---',
  '# 河北区人民政府与某某集团有限公司战略合作协议',
  '一、合作原则',
  '坚持企业主体地位，互利共赢。',
  '',
  '二、法律责任',
  '依法承担责任。',
  '',
].join('\n');

interface Item {
  label: string;
  insertTextFormat?: number;
  textEdit?: { newText: string; range?: { start: { line: number; character: number } } };
  additionalTextEdits?: Array<{ newText: string }>;
  documentation?: { kind: string; value: string };
}

describe('authoring over stdio: completion, new document, hover', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
    const waiting = client.nextDiagnostics(URI);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'agreement', version: 1, text: TEXT } });
    await waiting;
  });
  after(async () => {
    await client.stop();
  });

  it('completes the missing sections at a body line start, numbered to fit, renumbering the later ones', async () => {
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 13, character: 0 },
      context: { triggerKind: 1 },
    })) as Item[];
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('二、合作内容'), labels.join(' | '));
    const item = items.find((i) => i.label === '二、合作内容')!;
    // This test client declares no snippet support: the text comes plain, placeholders at their defaults.
    assert.equal(item.insertTextFormat, 1);
    assert.match(item.textEdit!.newText, /^二、合作内容\n\S/);
    assert.ok(!item.textEdit!.newText.includes('${'));
    assert.deepEqual(item.additionalTextEdits?.map((e) => e.newText), ['三、']);
    assert.equal(item.documentation?.kind, 'markdown');
  });

  it('completes 类别 values in the front matter after typing the colon', async () => {
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 2, character: 4 },
      context: { triggerKind: 2, triggerCharacter: ':' },
    })) as Item[];
    assert.ok(items.some((i) => i.label === '企业集团'), items.map((i) => i.label).join(' | '));
    const keys = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 8, character: 0 } })) as Item[];
    assert.ok(keys.some((i) => i.label === '有效期') && !keys.some((i) => i.label === '文种'));
  });

  it('lists the categories and builds a new document from a category’s skeleton', async () => {
    const result = (await client.connection.sendRequest('agreement/categories', {})) as { docTypes: string[]; categories: Array<{ name: string; docTypes: string[]; sections: string[] }> };
    assert.ok(result.docTypes.includes('协议书'));
    const group = result.categories.find((c) => c.name === '企业集团');
    assert.ok(group && group.sections.length > 0, JSON.stringify(result.categories.map((c) => c.name)));
    const doc = (await client.connection.sendRequest('agreement/newDocument', { category: '企业集团', docType: '协议书', partyA: '天津市河北区人民政府', partyB: '某某集团有限公司', date: '2025-07-01' })) as {
      text: string;
      snippet: string;
      fileName: string;
    };
    assert.match(doc.text, /^---\n文种: 协议书\n类别: 企业集团\n标题: 天津市河北区人民政府与某某集团有限公司合作协议\n甲方: 天津市河北区人民政府\n乙方: 某某集团有限公司\n/);
    assert.ok(doc.text.includes('\n签署日期: 2025-07-01\n'));
    for (const section of group.sections) assert.ok(doc.text.includes(`、${section}\n`), section);
    assert.equal(doc.fileName, '企业集团-协议书.agreement.md');
    assert.match(doc.snippet, /\$\{\d+:/);

    const uri = 'untitled:/new.agreement.md';
    const waiting = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'agreement', version: 1, text: doc.text } });
    const published = await waiting;
    // Every section is there; each is flagged as not yet written, and its placeholders too, until the officer writes them.
    const wrong = published.diagnostics.filter((d) => /^(schema|section|element|clause)\//.test(String(d.code)) && !(/^(section|element)\/missing$/.test(String(d.code)) && String(d.message).includes('尚未填写')));
    assert.deepEqual(wrong.map((d) => `${d.code} ${d.message}`), []);
    assert.ok(published.diagnostics.some((d) => d.code === 'format/placeholder'));
  });

  it('hovers a front-matter value with the category explained in Markdown', async () => {
    const result = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 5 } })) as { contents: { kind: string; value: string } };
    assert.equal(result.contents.kind, 'markdown');
    assert.match(result.contents.value, /^\*\*类别：企业集团\*\*/);
  });

  it('after typing a heading number and 、, completes the section name only', async () => {
    const waiting = client.nextDiagnostics(URI, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 13, character: 0 }, end: { line: 13, character: 0 } }, text: '二、' }],
    });
    await waiting;
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 13, character: 2 },
      context: { triggerKind: 2, triggerCharacter: '、' },
    })) as Item[];
    const item = items.find((i) => i.label === '合作内容');
    assert.ok(item, items.map((i) => i.label).join(' | '));
    assert.deepEqual(item.textEdit?.range?.start, { line: 13, character: 2 });
    assert.match(item.textEdit!.newText, /^合作内容\n/);
  });
});
