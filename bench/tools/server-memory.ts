/**
 * What the server holds with 1,000 open documents, as `npm run bench` measures it (a 1 MB
 * document edited 30 times, then 1,000 ~20 KB documents opened and all diagnosed):
 *   npx tsc -p tsconfig.test.json && node out/bench/tools/server-memory.js [--heap-snapshot DIR]
 * Prints the server's RSS before and after; with --heap-snapshot the server writes a
 * .heapsnapshot into DIR once every document is diagnosed (load it in Chrome DevTools).
 * AGREEMENT_SERVER_JS picks the build.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPacks } from '../../server/src/packs/loadPacks';
import { corpusFromPacks, generateCorpus, generateDocument } from '../generate';
import { startServer } from '../lsp';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const snapAt = process.argv.indexOf('--heap-snapshot');
  const snapDir = snapAt >= 0 ? path.resolve(process.argv[snapAt + 1]) : null;
  const nodeArgs = [...(snapDir ? [`--heapsnapshot-signal=SIGUSR2`, `--diagnostic-dir=${snapDir}`] : []), ...(process.env.AGREEMENT_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const { packs } = loadPacks([], root);
  const corpus = corpusFromPacks(packs);
  const big = generateDocument(corpus, { seed: 4242, bytes: 2 ** 20, category: '企业集团' });
  const docs = generateCorpus(corpus, 1000, 20_000);
  const client = await startServer(path.resolve(root, process.env.AGREEMENT_SERVER_JS ?? 'dist/server.js'), { enable: true, debounceMs: 0, maxFileSize: 64 * 2 ** 20, rules: {}, rulePacks: [] }, nodeArgs);
  const bigUri = pathToFileURL('/tmp/big.agreement.md').href;
  const opened = client.waitFor(bigUri, (p) => p.version === 1);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'agreement', version: 1, text: big } });
  await opened;
  const line = Math.floor(big.split('\n').length / 2);
  for (let v = 2; v < 32; v++) {
    const change = v % 2 === 0 ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '合' } : { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' };
    const published = client.waitFor(bigUri, (p) => p.version === v);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: bigUri, version: v }, contentChanges: [change] });
    await published;
  }
  const before = client.rssKb();
  const waits = docs.map((d) => {
    const uri = pathToFileURL(`/tmp/corpus/${d.name}`).href;
    const wait = client.waitFor(uri, (p) => p.version === 1, 600_000);
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'agreement', version: 1, text: d.text } });
    return wait;
  });
  await Promise.all(waits);
  const after = client.rssKb();
  console.log(`server RSS: ${Math.round(before / 1024)} MB after the 1 MB session, ${Math.round(after / 1024)} MB with ${docs.length} documents open`);
  if (process.argv.includes('--idle')) {
    for (const s of [2, 5, 10, 20]) {
      await new Promise((r) => setTimeout(r, (s - (s === 2 ? 0 : [2, 5, 10, 20][[2, 5, 10, 20].indexOf(s) - 1])) * 1000));
      console.log(`  after ${s} s idle: ${Math.round(client.rssKb() / 1024)} MB`);
    }
  }
  if (snapDir) {
    const had = new Set(fs.readdirSync(snapDir));
    client.child.kill('SIGUSR2');
    for (let i = 0; i < 600; i++) {
      const fresh = fs.readdirSync(snapDir).filter((f) => f.endsWith('.heapsnapshot') && !had.has(f));
      if (fresh.length > 0 && (await settled(path.join(snapDir, fresh[0])))) {
        console.log(`heap snapshot: ${path.join(snapDir, fresh[0])}; RSS after it (a full GC): ${Math.round(client.rssKb() / 1024)} MB`);
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  await client.stop();
}

/** A file that stopped growing. */
async function settled(file: string): Promise<boolean> {
  const a = fs.statSync(file).size;
  await new Promise((r) => setTimeout(r, 1000));
  return a > 0 && fs.statSync(file).size === a;
}

void main();
