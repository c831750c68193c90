/**
 * Profile the language server on one-character edits in a 1 MB document:
 *   npx tsc -p tsconfig.test.json && node out/bench/tools/server-edits.js [edits=30] [--cpu-prof DIR]
 * Prints each didChange → publishDiagnostics time (the first 10 edits warm the server up and are
 * not counted, as in `npm run bench`); with --cpu-prof the server writes a
 * .cpuprofile into DIR (summarise it with bench/tools/cpuprofile-summary.mjs).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPacks } from '../../server/src/packs/loadPacks';
import { corpusFromPacks, generateDocument } from '../generate';
import { startServer } from '../lsp';
import { now, show, stat } from '../stats';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const edits = Number(process.argv[2] ?? 30);
  const profAt = process.argv.indexOf('--cpu-prof');
  const nodeArgs = [...(profAt >= 0 ? ['--cpu-prof', '--cpu-prof-dir', process.argv[profAt + 1]] : []), ...(process.env.AGREEMENT_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const { packs } = loadPacks([], root);
  const text = generateDocument(corpusFromPacks(packs), { seed: 4242, bytes: 2 ** 20, category: '企业集团' });
  const client = await startServer(path.resolve(root, process.env.AGREEMENT_SERVER_JS ?? 'dist/server.js'), { enable: true, debounceMs: 0, maxFileSize: 64 * 2 ** 20, rules: {}, rulePacks: [] }, nodeArgs);
  const uri = pathToFileURL('/tmp/big.agreement.md').href;
  const opened = client.waitFor(uri, (p) => p.version === 1);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'agreement', version: 1, text } });
  const first = await opened;
  const line = Math.floor(text.split('\n').length / 2);
  const samples: number[] = [];
  const warmUp = 10;
  let cpuStart = client.cpuMs();
  for (let v = 2; v < warmUp + edits + 2; v++) {
    if (v === warmUp + 2) cpuStart = client.cpuMs();
    const insert = v % 2 === 0;
    const change = insert ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '合' } : { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' };
    const published = client.waitFor(uri, (p) => p.version === v);
    const start = now();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
    await published;
    if (v >= warmUp + 2) samples.push(now() - start);
  }
  console.log(`${first.diagnostics.length} diagnostics; edit → diagnostics ${show(stat(samples))}; server CPU ${((client.cpuMs() - cpuStart) / samples.length).toFixed(1)} ms per edit`);
  console.log(samples.map((s) => s.toFixed(1)).join(' '));
  await client.stop();
  await new Promise((r) => setTimeout(r, 500));
}

void main();
