/**
 * The server under stress, over stdio (`node dist/server.js --stdio`).
 * Timings and memory are printed; the assertions are generous hang and leak guards,
 * not speed claims (the benchmark reports speed).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from './lspClient';

const FRONT = ['---', '文种: 协议书', '类别: 企业集团', '标题: 某某战略合作协议', '甲方: 天津市河北区人民政府', '乙方: 某某集团有限公司', '牵头单位: 区商务局', '签署日期: 2025-06-30', '---'].join('\n');
const PARAGRAPH = '双方在智能制造、工业互联网和产业人才培养等领域开展合作，定期会商合作事项，推动项目落地见效。';

/** About `bytes` UTF-16 units: front matter, sections, and filler paragraphs. */
function bigAgreement(units: number): string {
  const lines = [FRONT, '# 某某战略合作协议', '一、合作原则', '坚持互利共赢，甲方同意乙方享有独家合作权。', '二、合作内容'];
  let length = lines.join('\n').length;
  while (length < units) {
    lines.push(PARAGRAPH);
    length += PARAGRAPH.length + 1;
  }
  lines.push('三、法律责任', '双方依法承担责任。', '');
  return lines.join('\n');
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('language server under stress', function () {
  this.timeout(120000);

  describe('500 rapid edits to a 1 MB document', () => {
    let client: TestClient;
    const uri = 'file:///tmp/stress/big.agreement.md';
    const text = bigAgreement(1024 * 1024);
    const lineCount = text.split('\n').length;
    const EDITS = 500;

    before(async () => {
      client = await startServer({ debounceMs: 200 });
    });
    after(async () => {
      await client.stop();
    });

    it('answers hover right after the edits and publishes diagnostics only for the final version', async () => {
      const opened = client.nextDiagnostics(uri, (p) => p.version === 1, 30000);
      const openStarted = performance.now();
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'agreement', version: 1, text } });
      await opened;
      const openMs = performance.now() - openStarted;

      const finalVersion = 1 + EDITS;
      const final = client.nextDiagnostics(uri, (p) => p.version === finalVersion, 60000);
      const editsStarted = performance.now();
      for (let i = 0; i < EDITS; i++) {
        // Type one character at a time into a body line, moving down the document.
        const line = 12 + ((i * 37) % (lineCount - 20));
        void client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 2 + i },
          contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: i % 50 === 49 ? '甲方为乙方提供担保。\n' : '字' }],
        });
      }
      const sentMs = performance.now() - editsStarted;
      const hoverStarted = performance.now();
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 12, character: 3 } });
      const hoverMs = performance.now() - hoverStarted;
      const published = await final;
      const finalMs = performance.now() - editsStarted;
      // Anything still in flight would arrive now.
      await sleep(1000);

      const forUri = client.published.filter((p) => p.uri === uri);
      const versions = forUri.map((p) => p.version ?? -1);
      const afterFinal = forUri.slice(forUri.indexOf(published) + 1);
      console.log(
        `      1 MB (${text.length} units): open → diagnostics ${openMs.toFixed(0)} ms; 500 edits sent in ${sentMs.toFixed(0)} ms; ` +
          `hover answered ${hoverMs.toFixed(0)} ms after the last edit; final diagnostics after ${finalMs.toFixed(0)} ms; ` +
          `${forUri.length} publishes in all (versions ${versions.join(', ')}); server RSS ${rssMb(client.process.pid!).toFixed(0)} MB`,
      );
      assert.ok(hover === null || typeof hover === 'object');
      assert.ok(hoverMs < 10000, `hover took ${hoverMs} ms`);
      assert.equal(forUri[forUri.length - 1].version, finalVersion, 'the last publish is for the final version');
      assert.deepEqual(afterFinal, [], 'nothing is published after the final version');
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions never go back');
      assert.ok(forUri.length < EDITS / 5, `debounced: ${forUri.length} publishes for ${EDITS} edits`);
      const guarantees = published.diagnostics.filter((d) => d.code === 'clause/government-guarantee');
      assert.ok(guarantees.length >= 1, 'the typed clauses are found in the final version');
    });

    it('honours cancelled requests, or answers them, and stays responsive', async () => {
      const outcomes = { answered: 0, cancelled: 0 };
      const requests: Array<Promise<void>> = [];
      for (let i = 0; i < 50; i++) {
        const source = new CancellationTokenSource();
        const method = i % 2 === 0 ? 'textDocument/hover' : 'textDocument/documentSymbol';
        const params = i % 2 === 0 ? { textDocument: { uri }, position: { line: 3, character: 2 } } : { textDocument: { uri } };
        requests.push(
          client.connection.sendRequest(method, params, source.token).then(
            () => void outcomes.answered++,
            (error: unknown) => {
              assert.ok(error instanceof ResponseError, String(error));
              assert.equal((error as ResponseError<unknown>).code, -32800, 'RequestCancelled');
              outcomes.cancelled++;
            },
          ),
        );
        source.cancel();
      }
      await Promise.all(requests);
      console.log(`      50 cancelled requests: ${outcomes.cancelled} cancelled, ${outcomes.answered} answered anyway`);
      assert.equal(outcomes.answered + outcomes.cancelled, 50);
      const started = performance.now();
      const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as unknown[];
      assert.ok(Array.isArray(symbols) && symbols.length >= 3);
      assert.ok(performance.now() - started < 10000);
      assert.equal(client.process.exitCode, null, 'the server is still running');
    });
  });

  describe('a file above agreement.maxFileSize', () => {
    let client: TestClient;
    before(async () => {
      client = await startServer({ maxFileSize: 1024 * 1024 });
    });
    after(async () => {
      await client.stop();
    });

    it('gets one info diagnostic format/too-large, fast, and the server keeps answering', async () => {
      const uri = 'file:///tmp/stress/huge.agreement.md';
      const text = bigAgreement(20 * 1024 * 1024);
      const waiting = client.nextDiagnostics(uri, () => true, 30000);
      const started = performance.now();
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'agreement', version: 1, text } });
      const published = await waiting;
      const ms = performance.now() - started;
      console.log(`      20 MB document, limit 1 MB: diagnostics after ${ms.toFixed(0)} ms (including sending 20 MB over stdio)`);
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['format/too-large']);
      assert.equal(published.diagnostics[0].severity, 3);
      assert.match(String(published.diagnostics[0].message), /已跳过检查/);
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 100, character: 2 } });
      assert.equal(hover, null);
    });
  });

  describe('1,000 open documents', () => {
    let client: TestClient;
    before(async () => {
      client = await startServer();
    });
    after(async () => {
      await client.stop();
    });

    it('analyses them all and keeps memory bounded (RSS printed)', async () => {
      const before = rssMb(client.process.pid!);
      const COUNT = 1000;
      const seen = new Set<string>();
      const all = new Promise<void>((resolve) => {
        const check = (p: PublishDiagnosticsParams) => {
          if (p.uri.includes('/many/')) seen.add(p.uri);
          if (seen.size === COUNT) resolve();
        };
        client.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
          client.published.push(p);
          check(p);
        });
      });
      const started = performance.now();
      for (let i = 0; i < COUNT; i++) {
        const text = bigAgreement(4 * 1024).replace('某某集团', `第${i}号集团`);
        void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: `file:///tmp/stress/many/${i}.agreement.md`, languageId: 'agreement', version: 1, text } });
      }
      await all;
      const ms = performance.now() - started;
      const after = rssMb(client.process.pid!);
      console.log(`      1,000 documents of 4 KB: all diagnosed in ${ms.toFixed(0)} ms; server RSS ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after`);
      assert.ok(after < 1024, `RSS ${after} MB`);
      const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///tmp/stress/many/999.agreement.md' } })) as unknown[];
      assert.ok(symbols.length >= 3);
    });
  });
});
