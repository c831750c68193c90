#!/usr/bin/env node
// Before/after timing of the core, interleaved so both builds see the same machine load:
//   node bench/tools/core-ab.mjs OLD_ROOT NEW_ROOT [pairs=8]
// Each root is a checkout with `out/` compiled (`npx tsc -p tsconfig.test.json`). Every pair
// runs one fresh process per build, in alternating order, and each process measures the
// same figures as `npm run bench`'s core section on the same generated documents: 20 KB
// (mean over 200 documents, median of 6 rounds), a first analysis of 1 MB and of 5 MB with
// a fresh rule set, and 1 MB re-analysis after a one-character edit (median of 10 edits).
// Prints the median of the per-process figures for each build, and their ratio; "cpu" rows are
// the process's CPU time for the same work (less swayed than wall time by other load).
// With `--one ROOT` it runs the measurement for one build and prints its JSON line.
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const self = new URL(import.meta.url).pathname;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function cpuMs(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function measure(root) {
  const require = createRequire(path.join(root, 'package.json'));
  const { loadPacks } = require(path.join(root, 'out/server/src/packs/loadPacks.js'));
  const { analyzeText, buildRuleSet } = require(path.join(root, 'out/server/src/core/index.js'));
  // The generator of this script's own checkout: both builds analyse the same bytes.
  const gen = createRequire(self)(path.resolve(path.dirname(self), '../../out/bench/generate.js'));
  const { packs, ruleSet } = loadPacks([], root);
  const corpus = gen.corpusFromPacks(packs);
  const opts = { maxSize: Infinity };
  const docs = gen.generateCorpus(corpus, 200, 20 * 1024, 1).map((d) => d.text);
  for (const t of docs) analyzeText(t, ruleSet, opts);
  const small = [];
  const smallCpu = [];
  for (let r = 0; r < 6; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const t of docs) analyzeText(t, ruleSet, opts);
    small.push((performance.now() - t0) / docs.length);
    smallCpu.push(cpuMs(c0) / docs.length);
  }
  const first = (bytes) => {
    const text = gen.generateDocument(corpus, { seed: 9000 + bytes, bytes });
    analyzeText(text, ruleSet, opts);
    const fresh = buildRuleSet(packs);
    analyzeText(docs[0], fresh, opts);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    analyzeText(text, fresh, opts);
    return { text, ms: performance.now() - t0, cpu: cpuMs(c0) };
  };
  const mb = first(2 ** 20);
  let current = mb.text;
  const at = current.indexOf('\n', current.length >> 1) + 1;
  const edits = [];
  const editsCpu = [];
  for (let r = 0; r < 10; r++) {
    current = r % 2 === 0 ? current.slice(0, at) + '合' + current.slice(at) : current.slice(0, at) + current.slice(at + 1);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    analyzeText(current, ruleSet, opts);
    edits.push(performance.now() - t0);
    editsCpu.push(cpuMs(c0));
  }
  const five = first(5 * 2 ** 20);
  return {
    '20 KB': median(small), '1 MB': mb.ms, '1 MB edit': median(edits), '5 MB': five.ms,
    '20 KB cpu': median(smallCpu), '1 MB cpu': mb.cpu, '1 MB edit cpu': median(editsCpu), '5 MB cpu': five.cpu,
  };
}

if (process.argv[2] === '--one') {
  console.log(JSON.stringify(measure(path.resolve(process.argv[3]))));
} else {
  const [oldRoot, newRoot] = process.argv.slice(2, 4).map((p) => path.resolve(p));
  const pairs = Number(process.argv[4] ?? 8);
  const samples = { old: [], new: [] };
  for (let i = 0; i < pairs; i++) {
    const order = i % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
    for (const which of order) {
      const out = execFileSync(process.execPath, [self, '--one', which === 'old' ? oldRoot : newRoot], { encoding: 'utf8' });
      samples[which].push(JSON.parse(out.trim().split('\n').pop()));
    }
    process.stderr.write(`pair ${i + 1}/${pairs}\n`);
  }
  console.log(`figure\told (median ms)\tnew (median ms)\tnew/old\t(${pairs} interleaved pairs)`);
  for (const key of Object.keys(samples.old[0])) {
    const a = median(samples.old.map((s) => s[key]));
    const b = median(samples.new.map((s) => s[key]));
    console.log(`${key}\t${a.toFixed(3)}\t${b.toFixed(3)}\t${(b / a).toFixed(2)}`);
  }
}
