/**
 * `npm run bench`: the speed figures, each as the median and spread of
 * several runs, printed as a table and saved as JSON in bench/results/<date>.json.
 *
 *   node out/bench/run.js [--quick] [--runs N] [--skip-peers] [--only core,server,cli,peers]
 *
 * Everything runs on one generated corpus (bench/generate.ts, seeded): 1,000 documents
 * of about 20 KB across every category, and single documents of 20 KB, 1 MB and 5 MB.
 * The peers (ripgrep, textlint, markdownlint-cli2, a bare Node regex scan) read the same
 * files; a peer that is not installed is reported as such, never dropped.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeText, buildRuleSet, type RulePack } from '../server/src/core';
import { loadPacks } from '../server/src/packs/loadPacks';
import { corpusFromPacks, generateCorpus, generateDocument } from './generate';
import { coldServerFirstDiagnostics, startServer } from './lsp';
import { now, show, stat, type Stat } from './stats';

const ROOT = path.resolve(__dirname, '../..');
/** The build under test: this tree, or another checkout's (AGREEMENT_BENCH_BUILD=/path/to/checkout) for before/after figures. */
const BUILD = process.env.AGREEMENT_BENCH_BUILD ? path.resolve(process.env.AGREEMENT_BENCH_BUILD) : ROOT;
const DIST = path.join(BUILD, 'dist');
/** What users run: bin/agreement-lint.js (it loads dist/cli.js with its code cache). */
const CLI_BIN = path.join(BUILD, 'bin/agreement-lint.js');
const BIN = path.join(ROOT, 'node_modules/.bin');

interface Args {
  quick: boolean;
  runs: number;
  only: Set<string>;
  skipPeers: boolean;
}

function parse(argv: string[]): Args {
  const quick = argv.includes('--quick');
  const runsAt = argv.indexOf('--runs');
  const onlyAt = argv.indexOf('--only');
  return {
    quick,
    runs: runsAt >= 0 ? Number(argv[runsAt + 1]) : quick ? 3 : 5,
    only: new Set(onlyAt >= 0 ? argv[onlyAt + 1].split(',') : ['core', 'server', 'cold', 'cli', 'peers']),
    skipPeers: argv.includes('--skip-peers'),
  };
}

const log = (line: string) => process.stderr.write(line + '\n');

/**
 * Every literal phrase of the clause rules (the shorthand groups, pattern slots and the
 * concepts they draw on), deduplicated: what a plain phrase scan would have to look for.
 * Terms with a gap or a concept reference are split into their literal parts.
 */
export function forbiddenPhrases(packs: RulePack[]): string[] {
  const set = new Set<string>();
  const add = (term: string) => {
    for (const part of term.split(/…+|\.\.\.|\{[^}]*\}/)) if (part.length >= 2) set.add(part);
  };
  for (const pack of packs) {
    for (const concept of pack.concepts ?? []) for (const t of concept.terms ?? []) add(t);
    for (const clause of pack.clauses ?? []) {
      for (const t of [...(clause.any ?? []), ...(clause.all ?? []).flat()]) add(t);
      for (const pattern of [clause.pattern, ...(clause.alternatives ?? [])]) for (const slot of pattern?.slots ?? []) for (const t of slot.terms ?? []) add(t);
    }
  }
  return [...set].sort();
}

/**
 * Wall time of a whole process, `runs` times (one warm-up first), and its CPU time
 * (user + system, children included) through GNU time when /usr/bin/time exists: on a
 * shared machine CPU time moves much less than wall time.
 */
function timeProcess(command: string, args: string[], cwd: string, runs: number, env: NodeJS.ProcessEnv = process.env, okCodes = [0, 1]): Stat & { error?: string; cpu?: Stat } {
  const samples: number[] = [];
  const cpu: number[] = [];
  const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const timeFile = path.join(os.tmpdir(), `agreement-bench-time-${process.pid}.txt`);
  for (let i = -1; i < runs; i++) {
    const start = now();
    const result = gnuTime
      ? spawnSync(gnuTime, ['-f', '%U %S', '-o', timeFile, command, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 })
      : spawnSync(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    const elapsed = now() - start;
    if (result.error || (result.status !== null && !okCodes.includes(result.status))) {
      return { ...stat([], 'ms'), error: String(result.error ?? `exit ${result.status}: ${String(result.stderr).slice(0, 500)}`) };
    }
    if (i < 0) continue;
    samples.push(elapsed);
    if (gnuTime) {
      const [user, system] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
      cpu.push((user + system) * 1000);
    }
  }
  fs.rmSync(timeFile, { force: true });
  return { ...stat(samples, 'ms'), ...(cpu.length > 0 ? { cpu: stat(cpu, 'ms') } : {}) };
}

/** `show` plus the CPU median when known. */
function showWithCpu(s: Stat & { cpu?: Stat }): string {
  return s.cpu ? `${show(s)}, CPU ${show(s.cpu).split(' (')[0]}` : show(s);
}

function which(name: string): string | null {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** ripgrep from Debian; installed with apt when missing and we are root. */
function ensureRipgrep(): { path: string | null; note: string } {
  let rg = which('rg');
  if (rg) return { path: rg, note: '' };
  if (process.getuid?.() === 0 && which('apt-get')) {
    log('ripgrep is missing: apt-get install -y ripgrep …');
    spawnSync('apt-get', ['install', '-y', '-q', 'ripgrep'], { stdio: 'ignore' });
    rg = which('rg');
    if (rg) return { path: rg, note: 'installed by the bench with apt-get' };
  }
  return { path: null, note: 'ripgrep is not installed (apt-get install ripgrep) — not measured' };
}

function version(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return (result.stdout || result.stderr || '').split('\n')[0].trim();
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const started = new Date();
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
  if (!fs.existsSync(path.join(DIST, 'cli.js')) || !fs.existsSync(path.join(DIST, 'server.js'))) throw new Error('dist/ is missing: run node scripts/build.mjs first');

  const { packs, ruleSet } = loadPacks([], ROOT);
  const corpus = corpusFromPacks(packs);
  const phrases = forbiddenPhrases(packs);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-bench-'));
  const corpusDir = path.join(work, 'corpus');
  fs.mkdirSync(corpusDir);
  const count = args.quick ? 200 : 1000;
  const docs = generateCorpus(corpus, count, 20 * 1024, 1);
  let corpusBytes = 0;
  for (const d of docs) {
    fs.writeFileSync(path.join(corpusDir, d.name), d.text);
    corpusBytes += Buffer.byteLength(d.text);
  }
  const phrasesFile = path.join(work, 'phrases.txt');
  fs.writeFileSync(phrasesFile, phrases.join('\n') + '\n');
  log(`corpus: ${count} documents, ${(corpusBytes / 2 ** 20).toFixed(1)} MB, ${corpus.categories.length} categories, ${phrases.length} forbidden phrases; work folder ${work}`);
  const mb = corpusBytes / 2 ** 20;
  const results: Record<string, unknown> = {};
  const table: Array<[string, string, string]> = [];

  // 1. Core, in-process.
  if (args.only.has('core')) {
    log('core: in-process analysis …');
    const sizes: Array<[string, number]> = [['20 KB', 20 * 1024], ['1 MB', 2 ** 20], ['5 MB', 5 * 2 ** 20]];
    const core: Record<string, Stat & { bytes: number; findings: number; cpu?: Stat }> = {};
    for (const [label, bytes] of sizes) {
      const samples: number[] = [];
      const cpuSamples: number[] = [];
      let findings = 0;
      let actual = 0;
      if (bytes <= 64 * 1024) {
        // Per-document time over 200 different documents, repeated.
        const set = docs.slice(0, 200).map((d) => d.text);
        actual = Math.round(set.reduce((n, t) => n + Buffer.byteLength(t), 0) / set.length);
        for (const t of set) analyzeText(t, ruleSet, { maxSize: Infinity });
        for (let r = 0; r < args.runs * 2; r++) {
          const start = now();
          const cpu0 = process.cpuUsage();
          for (const t of set) findings = analyzeText(t, ruleSet, { maxSize: Infinity }).length;
          samples.push((now() - start) / set.length);
          const used = process.cpuUsage(cpu0);
          cpuSamples.push((used.user + used.system) / 1000 / set.length);
        }
      } else {
        // A first analysis each time: a fresh rule set (built and warmed on a small document,
        // untimed) so nothing is reused from an earlier analysis of the same text.
        const text = generateDocument(corpus, { seed: 9000 + bytes, bytes });
        actual = Buffer.byteLength(text);
        analyzeText(text, ruleSet, { maxSize: Infinity });
        for (let r = 0; r < args.runs; r++) {
          const fresh = buildRuleSet(packs, ruleSet.clauseModel);
          analyzeText(docs[r].text, fresh, { maxSize: Infinity });
          const start = now();
          const cpu0 = process.cpuUsage();
          findings = analyzeText(text, fresh, { maxSize: Infinity }).length;
          samples.push(now() - start);
          const used = process.cpuUsage(cpu0);
          cpuSamples.push((used.user + used.system) / 1000);
        }
        if (bytes === 2 ** 20) {
          // Re-analysis after a one-character edit (what the server does on each keystroke), in-process.
          const edits: number[] = [];
          let current = text;
          const at = current.indexOf('\n', current.length >> 1) + 1;
          for (let r = 0; r < args.runs * 2; r++) {
            current = r % 2 === 0 ? current.slice(0, at) + '合' + current.slice(at) : current.slice(0, at) + current.slice(at + 1);
            const start = now();
            analyzeText(current, ruleSet, { maxSize: Infinity });
            edits.push(now() - start);
          }
          core['1 MB, re-analysis after a 1-char edit'] = { ...stat(edits), bytes: actual, findings };
        }
      }
      core[label] = { ...stat(samples), bytes: actual, findings, cpu: stat(cpuSamples) };
      table.push([`core: one ${label} document (parse + all rules)`, showWithCpu(core[label]), label === '20 KB' ? 'target ≤ 0.5 ms' : label === '5 MB' ? 'target ≤ 150 ms' : '']);
      if (bytes <= 64 * 1024 && ruleSet.clauseModel) {
        // What the clause model costs: the same documents, rounds alternating with and without it.
        const rulesOnly = buildRuleSet(packs);
        const set = docs.slice(0, 200).map((d) => d.text);
        for (const t of set) analyzeText(t, rulesOnly, { maxSize: Infinity });
        const withModel: number[] = [];
        const without: number[] = [];
        for (let r = 0; r < args.runs * 2; r++) {
          for (const [rules, into] of [[ruleSet, withModel], [rulesOnly, without]] as const) {
            const start = now();
            for (const t of set) analyzeText(t, rules, { maxSize: Infinity });
            into.push((now() - start) / set.length);
          }
        }
        const on = stat(withModel);
        const off = stat(without);
        core[`${label}, clause model off`] = { ...off, bytes: actual, findings: 0 };
        table.push([`core: one ${label} document, clause model off`, `${show(off)}; with it ${show(on)} (×${(on.median / off.median).toFixed(2)})`, '']);
      }
      const again = core['1 MB, re-analysis after a 1-char edit'];
      if (label === '1 MB' && again) table.push(['core: 1 MB re-analysis after a 1-char edit', show(again), 'target ≤ 15 ms']);
    }
    results.core = core;
  }

  // 2. Language server over stdio.
  if (args.only.has('server')) {
    log('server: didChange → publishDiagnostics, hover, completion, memory …');
    const serverJs = path.join(DIST, 'server.js');
    const settings = { enable: true, debounceMs: 0, maxFileSize: 64 * 2 ** 20, rules: {}, rulePacks: [] };
    const client = await startServer(serverJs, settings);
    const bigText = generateDocument(corpus, { seed: 4242, bytes: 2 ** 20, category: '企业集团' });
    const uri = pathToFileURL(path.join(work, 'big.agreement.md')).href;
    let version = 1;
    const opened = client.waitFor(uri, (p) => p.version === 1);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'agreement', version, text: bigText } });
    const first = await opened;
    // One-character edits in the middle of the body (insert, then delete), as typing does.
    const lines = bigText.split('\n');
    const editLine = Math.floor(lines.length / 2);
    const edit: Stat[] = [];
    const editSamples: number[] = [];
    // The first 10 edits warm the server up (as the first keystrokes of a session do) and are not counted.
    const warmUp = 10;
    let serverCpuStart = 0;
    for (let i = 0; i < warmUp + args.runs * 4; i++) {
      if (i === warmUp) serverCpuStart = client.cpuMs();
      version++;
      const insert = i % 2 === 0;
      const change = insert
        ? { range: { start: { line: editLine, character: 0 }, end: { line: editLine, character: 0 } }, text: '合' }
        : { range: { start: { line: editLine, character: 0 }, end: { line: editLine, character: 1 } }, text: '' };
      const v = version;
      const published = client.waitFor(uri, (p) => p.version === v);
      const start = now();
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
      await published;
      if (i >= warmUp) editSamples.push(now() - start);
    }
    edit.push(stat(editSamples));
    const serverCpuPerEdit = Math.round(((client.cpuMs() - serverCpuStart) / editSamples.length) * 10) / 10;
    // Hover on a finding, and completion at the start of an empty line.
    const diag = (first.diagnostics as Array<{ range: { start: { line: number; character: number } } }>)[0];
    const hoverAt = diag ? diag.range.start : { line: editLine, character: 1 };
    const hoverSamples: number[] = [];
    for (let i = 0; i < args.runs * 4; i++) {
      const start = now();
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: hoverAt });
      hoverSamples.push(now() - start);
    }
    let completion: Stat | string = 'the server offers no completion';
    if (client.capabilities.completionProvider) {
      const emptyLine = lines.findIndex((l, i) => i > editLine && l.trim() === '');
      const samples: number[] = [];
      for (let i = 0; i < args.runs * 4; i++) {
        const start = now();
        await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: emptyLine, character: 0 } });
        samples.push(now() - start);
      }
      completion = stat(samples);
    }
    // Memory with 1,000 open documents (the 20 KB corpus), all analysed.
    const rssBefore = client.rssKb();
    const waits: Array<Promise<unknown>> = [];
    for (const d of docs.slice(0, 1000)) {
      const u = pathToFileURL(path.join(corpusDir, d.name)).href;
      waits.push(client.waitFor(u, (p) => p.version === 1));
      void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'agreement', version: 1, text: d.text } });
    }
    await Promise.all(waits);
    if (typeof global.gc === 'function') global.gc();
    const rssAfter = client.rssKb();
    await client.stop();
    results.server = {
      documentBytes: Buffer.byteLength(bigText),
      editToDiagnostics: edit[0],
      serverCpuPerEditMs: serverCpuPerEdit,
      hover: stat(hoverSamples),
      completion,
      rssStartMB: Math.round(rssBefore / 1024),
      rssWithOpenDocumentsMB: Math.round(rssAfter / 1024),
      openDocuments: Math.min(1000, docs.length),
    };
    table.push(['server: didChange → publishDiagnostics, 1-char edit, 1 MB doc', `${show(edit[0])}, server CPU ${serverCpuPerEdit} ms per edit`, 'target ≤ 15 ms']);
    table.push(['server: hover on a 1 MB doc', show(stat(hoverSamples)), '']);
    table.push(['server: completion on a 1 MB doc', typeof completion === 'string' ? completion : show(completion), '']);
    table.push([`server: RSS with ${Math.min(1000, docs.length)} open documents`, `${Math.round(rssAfter / 1024)} MB (idle ${Math.round(rssBefore / 1024)} MB)`, 'target ≤ 200 MB']);
  }

  // 2b. Cold starts: a fresh server to its first diagnostics, and the CLI on one file.
  if (args.only.has('cold')) {
    log('cold: server spawn → first diagnostics, CLI on one file …');
    const serverJs = path.join(DIST, 'server.js');
    const samples: number[] = [];
    const init: number[] = [];
    const text = docs[0].text;
    const uri = pathToFileURL(path.join(work, 'first.agreement.md')).href;
    await coldServerFirstDiagnostics(serverJs, uri, text);
    for (let r = 0; r < args.runs * 2; r++) {
      const run = await coldServerFirstDiagnostics(serverJs, uri, text);
      samples.push(run.firstDiagnosticsMs);
      init.push(run.initializedMs);
    }
    const oneDir = path.join(work, 'one');
    fs.mkdirSync(oneDir);
    fs.writeFileSync(path.join(oneDir, docs[0].name), docs[0].text);
    const one = timeProcess(process.execPath, [CLI_BIN, '--format', 'json', '--no-config', '.'], oneDir, args.runs * 2);
    results.cold = { serverFirstDiagnostics: stat(samples), serverInitialized: stat(init), cliOneFile: one, documentBytes: Buffer.byteLength(text) };
    table.push(['server: spawn → first diagnostics, one 20 KB doc', `${show(stat(samples))} (initialize answered ${show(stat(init)).split(' (')[0]})`, '']);
    table.push(['cli: one 20 KB file, whole process', showWithCpu(one), '']);
  }

  // 3. The CLI over the corpus, 1 thread and all cores.
  const cli: Record<string, Stat & { mbPerSecond: number; cpu?: Stat }> = {};
  if (args.only.has('cli')) {
    log('cli: agreement-lint over the corpus …');
    for (const [label, jobs] of [['1 worker', 1], [`all cores (${cores})`, cores]] as Array<[string, number]>) {
      const s = timeProcess(process.execPath, [CLI_BIN, '--format', 'json', '--jobs', String(jobs), '--no-config', '.'], corpusDir, args.runs);
      cli[label] = { ...s, mbPerSecond: Math.round((mb / (s.median / 1000)) * 10) / 10 };
      table.push([`cli: ${count} × 20 KB, ${label}`, `${showWithCpu(s)}, ${cli[label].mbPerSecond} MB/s`, '']);
    }
    // --cache over the unchanged folder (the warm-up run writes the cache); older builds without --cache are skipped.
    const cacheFile = path.join(work, 'lint.cache');
    const cached = timeProcess(process.execPath, [CLI_BIN, '--format', 'json', '--no-config', '--cache', '--cache-location', cacheFile, '.'], corpusDir, args.runs);
    if (!cached.error) {
      cli['--cache, unchanged folder'] = { ...cached, mbPerSecond: Math.round((mb / (cached.median / 1000)) * 10) / 10 };
      table.push([`cli: ${count} × 20 KB, --cache, unchanged folder`, `${showWithCpu(cached)}, ${cli['--cache, unchanged folder'].mbPerSecond} MB/s`, '']);
    }
    results.cli = cli;
  }

  // 4. Peers on the same files.
  const peers: Record<string, unknown> = {};
  if (args.only.has('peers') && !args.skipPeers) {
    const rg = ensureRipgrep();
    if (rg.path) {
      log('peers: ripgrep …');
      const s = timeProcess(rg.path, ['--count-matches', '--fixed-strings', '--file', phrasesFile, '--glob', '*.md', '.'], corpusDir, args.runs);
      peers.ripgrep = { ...s, version: version(rg.path, ['--version']), note: rg.note, patterns: phrases.length };
    } else peers.ripgrep = { unavailable: rg.note };

    log('peers: bare Node regex scan …');
    peers.nodeRegexScan = { ...timeProcess(process.execPath, [path.join(ROOT, 'bench/peers/regex-scan.cjs'), phrasesFile, '.'], corpusDir, args.runs), patterns: phrases.length };

    const markdownlint = path.join(BIN, 'markdownlint-cli2');
    if (fs.existsSync(markdownlint)) {
      log('peers: markdownlint-cli2 (defaults) …');
      peers.markdownlintCli2 = { ...timeProcess(markdownlint, ['**/*.md'], corpusDir, Math.min(args.runs, 3)), version: version(markdownlint, ['--help']) };
    } else peers.markdownlintCli2 = { unavailable: 'markdownlint-cli2 is not installed (npm install -D markdownlint-cli2) — not measured' };

    const textlint = path.join(BIN, 'textlint');
    if (fs.existsSync(textlint)) {
      log(`peers: textlint with a ${phrases.length}-pattern rule …`);
      const rulesDir = path.join(work, 'textlint-rules');
      fs.mkdirSync(rulesDir);
      fs.copyFileSync(path.join(ROOT, 'bench/peers/textlint-rule-forbidden-phrases.cjs'), path.join(rulesDir, 'forbidden-phrases.js'));
      const config = path.join(work, 'textlintrc.json');
      fs.writeFileSync(config, JSON.stringify({ rules: { 'forbidden-phrases': true } }));
      const s = timeProcess(textlint, ['--config', config, '--rulesdir', rulesDir, '--format', 'json', '--no-cache', '.'], corpusDir, Math.min(args.runs, 3), { ...process.env, AGREEMENT_BENCH_PHRASES: phrasesFile });
      peers.textlint = { ...s, version: version(textlint, ['--version']), patterns: phrases.length };
    } else peers.textlint = { unavailable: 'textlint is not installed (npm install -D textlint) — not measured' };
    results.peers = peers;
    for (const [name, value] of Object.entries(peers)) {
      const v = value as Stat & { unavailable?: string; error?: string; cpu?: Stat };
      table.push([`peer: ${name}`, v.unavailable ?? (v.error ? `failed: ${v.error}` : `${showWithCpu(v)}, ${Math.round((mb / (v.median / 1000)) * 10) / 10} MB/s`), '']);
    }
  }

  // 5. Ratios against the targets (all-cores CLI, whole-process wall time).
  const ours = Object.entries(cli).find(([k]) => k.startsWith('all cores'))?.[1];
  const ratios: Record<string, unknown> = {};
  const median = (p: unknown) => (p && typeof (p as Stat).median === 'number' && !Number.isNaN((p as Stat).median) ? (p as Stat).median : null);
  if (ours) {
    const rgMedian = median(peers.ripgrep);
    const mdMedian = median(peers.markdownlintCli2);
    const tlMedian = median(peers.textlint);
    const rxMedian = median(peers.nodeRegexScan);
    if (rgMedian) ratios.cliOverRipgrep = { value: round(ours.median / rgMedian), target: '≤ 4×', met: ours.median / rgMedian <= 4 };
    const withCache = median(cli['--cache, unchanged folder']);
    if (rgMedian && withCache) ratios.cachedCliOverRipgrep = { value: round(withCache / rgMedian), target: '≤ 1.5×', met: withCache / rgMedian <= 1.5 };
    const rgCpu = median((peers.ripgrep as { cpu?: Stat } | undefined)?.cpu);
    const oursCpu = median(ours.cpu);
    if (rgCpu && oursCpu) ratios.cliOverRipgrepCpu = { value: round(oursCpu / rgCpu), target: '(CPU time, reference)' };
    if (rxMedian) ratios.cliOverNodeRegexScan = { value: round(ours.median / rxMedian), target: '(reference)' };
    if (mdMedian) ratios.markdownlintOverCli = { value: round(mdMedian / ours.median), target: '≥ 10×', met: mdMedian / ours.median >= 10 };
    if (tlMedian) ratios.textlintOverCli = { value: round(tlMedian / ours.median), target: '≥ 50×', met: tlMedian / ours.median >= 50 };
    for (const [name, r] of Object.entries(ratios)) {
      const v = r as { value: number; target: string; met?: boolean };
      table.push([`ratio: ${name}`, `${v.value}×`, `${v.target}${v.met === undefined ? '' : v.met ? ' — met' : ' — missed'}`]);
    }
  }
  const core = results.core as Record<string, Stat> | undefined;
  const server = results.server as { editToDiagnostics: Stat; rssWithOpenDocumentsMB: number } | undefined;
  const targets = {
    core20KB: core ? { value: core['20 KB'].median, target: 0.5, met: core['20 KB'].median <= 0.5 } : undefined,
    coreEdit1MB: core?.['1 MB, re-analysis after a 1-char edit'] ? { value: core['1 MB, re-analysis after a 1-char edit'].median, target: 15, met: core['1 MB, re-analysis after a 1-char edit'].median <= 15 } : undefined,
    serverFirstDiagnostics: results.cold ? { value: (results.cold as { serverFirstDiagnostics: Stat }).serverFirstDiagnostics.median, target: 400, note: 'stdio client, not VS Code' } : undefined,
    core5MB: core ? { value: core['5 MB'].median, target: 150, met: core['5 MB'].median <= 150 } : undefined,
    editToDiagnostics1MB: server ? { value: server.editToDiagnostics.median, target: 15, met: server.editToDiagnostics.median <= 15 } : undefined,
    serverRssMB: server ? { value: server.rssWithOpenDocumentsMB, target: 200, met: server.rssWithOpenDocumentsMB <= 200 } : undefined,
  };

  const report = {
    date: started.toISOString(),
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) },
    corpus: { documents: count, megabytes: round(mb), categories: corpus.categories.map((c) => c.name), forbiddenPhrases: phrases.length, seed: 1 },
    runs: args.runs,
    results,
    ratios,
    targets,
  };
  const width = Math.max(...table.map((r) => r[0].length));
  const lines = [
    `agreement-lint benchmark — ${started.toISOString()} — ${machine.cpu}, ${cores} cores, ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`,
    `corpus: ${count} generated documents, ${mb.toFixed(1)} MB, ${corpus.categories.length} categories, ${phrases.length} forbidden phrases; medians (min–max) of ${args.runs} runs`,
    '',
    ...table.map(([a, b, c]) => `${a.padEnd(width)}  ${b}${c ? `   [${c}]` : ''}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  const dir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${started.toISOString().replace(/[:]/g, '-').replace(/\..*$/, '')}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  log(`saved ${path.relative(ROOT, file)}`);
  fs.rmSync(work, { recursive: true, force: true });
}

const round = (x: number) => Math.round(x * 100) / 100;

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
