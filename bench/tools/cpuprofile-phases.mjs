#!/usr/bin/env node
// Where the time of a whole process went, by phase, from a V8 .cpuprofile of an
// unminified bundle (bench/tools/build-dev.mjs): each sample is given to the innermost
// frame that names a phase (a function such as loadConfig, or a bundled module such as
// node_modules/yaml, found through esbuild's `// path` comments in the bundle).
//   node bench/tools/cpuprofile-phases.mjs FILE.cpuprofile [BUNDLE.js]
import * as fs from 'node:fs';

const [file, bundleArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: cpuprofile-phases.mjs FILE.cpuprofile [BUNDLE.js]');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));

/** Bundle line → source module, from esbuild's `// node_modules/…` and `// server/src/…` headers. */
const modulesByBundle = new Map();
function moduleAt(url, line) {
  if (!url.startsWith('file://') && !url.startsWith('/')) return null;
  const path = url.replace(/^file:\/\//, '');
  if (bundleArg && !path.endsWith(bundleArg.split('/').pop())) return null;
  let starts = modulesByBundle.get(path);
  if (!starts) {
    starts = [];
    try {
      fs.readFileSync(path, 'utf8').split('\n').forEach((text, i) => {
        const m = /^\/\/ ((?:node_modules|server|client|schemas)\/\S+)$/.exec(text);
        if (m) starts.push([i, m[1]]);
      });
    } catch {
      // not a readable file
    }
    modulesByBundle.set(path, starts);
  }
  let found = null;
  for (const [start, name] of starts) {
    if (start > line) break;
    found = name;
  }
  return found;
}

const FUNCTION_PHASES = new Map([
  ['validator', 'ajv schema compilation'],
  ['validator2', 'ajv schema compilation'],
  ['loadConfig', 'pack loading and rule set'],
  ['loadPacks', 'pack loading and rule set'],
  ['readPackFile', 'pack loading and rule set'],
  ['buildRuleSet', 'pack loading and rule set'],
  ['collectFiles', 'file discovery'],
  ['formatJson', 'output'],
  ['formatStylish', 'output'],
  ['formatSarif', 'output'],
  ['write', 'output'],
  ['checkFile', 'analysis (read, decode, parse, rules)'],
  ['analyzeText', 'analysis (read, decode, parse, rules)'],
  ['analyze', 'analysis (read, decode, parse, rules)'],
  ['checkFiles', 'analysis (read, decode, parse, rules)'],
  ['__require', 'module evaluation (top-level code)'],
  ['contentHash', 'result cache: read and hash files'],
  ['openResultCache', 'result cache: read and validate the cache file'],
  ['save', 'result cache: write'],
  ['__init', 'module evaluation (top-level code)'],
]);

function phaseOf(node) {
  const { functionName, url, lineNumber } = node.callFrame;
  const mod = moduleAt(url, lineNumber);
  if (mod?.startsWith('node_modules/yaml/')) return 'YAML';
  if (FUNCTION_PHASES.has(functionName)) return FUNCTION_PHASES.get(functionName);
  if (/^init_/.test(functionName) || functionName === '<static_initializer>') return 'module evaluation (top-level code)';
  if (mod?.startsWith('node_modules/ajv/')) return 'ajv (construction and validation)';
  if (mod?.startsWith('node_modules/vscode-')) return 'LSP library';
  return null;
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const phaseCache = new Map();
const LOADER = /^(wrapSafe|compileFunction|compileForInternalLoader)$/;
/** ajv compiling a schema: anything under our lazy `validator()` (the compiled function runs elsewhere). */
function underValidator(id) {
  for (let at = id; at !== undefined; at = parent.get(at)) if (/^validator\d*$/.test(byId.get(at).callFrame.functionName)) return true;
  return false;
}
function phaseOfStack(id) {
  if (phaseCache.has(id)) return phaseCache.get(id);
  const node = byId.get(id);
  const name = node.callFrame.functionName;
  let phase;
  if (name === '(garbage collector)') phase = 'garbage collection';
  else if (name === '(idle)') phase = 'idle (waiting for I/O, workers, the client)';
  else if (name === '(program)') phase = 'V8 and Node internals (program)';
  else if (underValidator(id)) phase = 'ajv schema compilation';
  else if (LOADER.test(name) || node.callFrame.url.startsWith('node:internal/modules')) phase = 'module loading and compiling';
  else {
    for (let at = id; at !== undefined && !phase; at = parent.get(at)) phase = phaseOf(byId.get(at));
    // Code run by a module's top level (the CLI's main) that no phase names.
    if (!phase) for (let at = id; at !== undefined && !phase; at = parent.get(at)) if (byId.get(at).callFrame.url.startsWith('node:internal/modules')) phase = 'other (run from module top level)';
    if (!phase) phase = node.callFrame.url.startsWith('node:') ? 'Node start-up and internals' : 'other';
  }
  phaseCache.set(id, phase);
  return phase;
}

const totals = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  const phase = phaseOfStack(profile.samples[i]);
  totals.set(phase, (totals.get(phase) ?? 0) + dt);
  total += dt;
}
const wall = (profile.endTime - profile.startTime) / 1000;
console.log(`profile ${wall.toFixed(1)} ms wall, ${(total / 1000).toFixed(1)} ms sampled`);
for (const [phase, us] of [...totals].sort((a, b) => b[1] - a[1])) {
  console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${phase}`);
}
