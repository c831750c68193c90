/**
 * The language server from spawn to its first diagnostics for one ~20 KB document:
 *   npx tsc -p tsconfig.test.json && node out/bench/tools/server-first.js [runs=5] [--cpu-prof DIR]
 * Prints, per run, spawn → initialize answered and spawn → first publishDiagnostics
 * (didOpen sent right after `initialized`, as VS Code does). With --cpu-prof the server
 * writes a .cpuprofile into DIR (bench/tools/cpuprofile-phases.mjs splits it by phase).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPacks } from '../../server/src/packs/loadPacks';
import { corpusFromPacks, generateDocument } from '../generate';
import { coldServerFirstDiagnostics } from '../lsp';
import { show, stat } from '../stats';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const runs = Number(process.argv[2] ?? 5);
  const profAt = process.argv.indexOf('--cpu-prof');
  const nodeArgs = profAt >= 0 ? ['--cpu-prof', '--cpu-prof-dir', process.argv[profAt + 1]] : [];
  const { packs } = loadPacks([], root);
  const text = generateDocument(corpusFromPacks(packs), { seed: 77, bytes: 20 * 1024 });
  const serverJs = path.resolve(root, process.env.AGREEMENT_SERVER_JS ?? 'dist/server.js');
  const initialized: number[] = [];
  const first: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await coldServerFirstDiagnostics(serverJs, pathToFileURL('/tmp/first.agreement.md').href, text, nodeArgs);
    initialized.push(r.initializedMs);
    first.push(r.firstDiagnosticsMs);
    cpu.push(r.serverCpuMs);
    console.log(`run ${i + 1}: initialize ${r.initializedMs.toFixed(1)} ms, first diagnostics ${r.firstDiagnosticsMs.toFixed(1)} ms, server CPU ${r.serverCpuMs} ms (${r.diagnostics} diagnostics)`);
  }
  console.log(`spawn → initialize ${show(stat(initialized))}; spawn → first diagnostics ${show(stat(first))}; server CPU ${show(stat(cpu))}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
