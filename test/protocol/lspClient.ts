/**
 * A minimal LSP client over stdio for protocol tests: spawns `node dist/server.js --stdio`,
 * answers workspace/configuration, and waits for publishDiagnostics by event.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

export interface TestClient {
  connection: MessageConnection;
  process: ChildProcessWithoutNullStreams;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  /** Resolve with the next publishDiagnostics for `uri` that satisfies `accept`. */
  nextDiagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export async function startServer(settings: Record<string, unknown> = {}, initializationOptions: Record<string, unknown> = {}): Promise<TestClient> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ debounceMs: 0, ...settings })));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification(() => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions,
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    published,
    nextDiagnostics(uri, accept = () => true, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr: ${stderr}`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      child.kill();
    },
  };
}

/** A diagnostic's message as text (LSP 3.18 allows MarkupContent). */
export const messageOf = (d: { message: unknown }): string => (typeof d.message === 'string' ? d.message : (d.message as { value: string }).value);

/** The front matter of a 企业集团 agreement between a district government and a company, as lines. */
export const FRONT_MATTER_LINES = [
  '---',
  '文种: 协议书',
  '类别: 企业集团',
  '标题: 河北区人民政府与某某集团有限公司战略合作协议',
  '甲方: 天津市河北区人民政府',
  '乙方: 某某集团有限公司',
  '牵头单位: 区商务局',
  '签署日期: 2025-06-30',
];
