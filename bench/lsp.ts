/**
 * A small LSP client over stdio for the benchmark: spawns `node dist/server.js --stdio`,
 * answers workspace/configuration with the given settings (debounce 0), and resolves
 * waiters on publishDiagnostics by event (never by sleeping).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

export interface BenchClient {
  connection: MessageConnection;
  child: ChildProcessWithoutNullStreams;
  capabilities: Record<string, unknown>;
  waitFor(uri: string, accept: (p: Published) => boolean, timeoutMs?: number): Promise<Published>;
  rssKb(): number;
  /** User + system CPU time of the server process so far (10 ms resolution). */
  cpuMs(): number;
  stop(): Promise<void>;
}

export async function startServer(serverJs: string, settings: Record<string, unknown>, nodeArgs: string[] = []): Promise<BenchClient> {
  const child = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters: Array<{ uri: string; accept: (p: Published) => boolean; resolve: (p: Published) => void }> = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.accept(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification(() => undefined);
  connection.listen();
  const init = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true },
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true } },
        synchronization: { didSave: false },
      },
    },
    initializationOptions: { trusted: true },
  })) as { capabilities: Record<string, unknown> };
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    capabilities: init.capabilities,
    waitFor(uri, accept, timeoutMs = 120000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms; server stderr: ${stderr.slice(-2000)}`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    cpuMs() {
      // /proc/<pid>/stat: fields 14 and 15 are utime and stime in clock ticks (100 per second).
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    rssKb() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // gone already
      }
      // Let the server exit on its own (so --cpu-prof can write its profile), then make sure.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 3000);
        child.once('exit', () => (clearTimeout(timer), resolve()));
      });
      connection.dispose();
      child.kill();
    },
  };
}

/** Spawn a fresh server, open one document right after `initialized`, and time its first diagnostics from the spawn. */
export async function coldServerFirstDiagnostics(serverJs: string, uri: string, text: string, nodeArgs: string[] = []): Promise<{ initializedMs: number; firstDiagnosticsMs: number; diagnostics: number; serverCpuMs: number }> {
  const start = performance.now();
  const client = await startServer(serverJs, { enable: true, debounceMs: 200, maxFileSize: 5 * 2 ** 20, rules: {}, rulePacks: [] }, nodeArgs);
  const initializedMs = performance.now() - start;
  const published = client.waitFor(uri, (p) => p.version === 1);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'agreement', version: 1, text } });
  const first = await published;
  const firstDiagnosticsMs = performance.now() - start;
  const serverCpuMs = client.cpuMs();
  await client.stop();
  return { initializedMs, firstDiagnosticsMs, diagnostics: first.diagnostics.length, serverCpuMs };
}
