// Writes snippets/agreement.json from the rule packs (rules/*.yaml), so the contributed
// snippets never drift from the packs. The snippets are built by the same pure function
// the extension uses for new documents (server/src/core/authoring/snippets.ts), bundled
// here with esbuild. Output is deterministic. `--check` exits 1 when the file is stale.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'snippets', 'agreement.json');

const bundle = await esbuild.build({
  stdin: {
    contents: "export { snippetsJson } from './server/src/core/authoring/snippets'; export { builtinPackFiles } from './server/src/packs/loadPacks';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', '__dirname', bundle.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url), root);
const { snippetsJson, builtinPackFiles } = module.exports;

const packs = builtinPackFiles(root).map((file) => parse(fs.readFileSync(file, 'utf8')));
const text = snippetsJson(packs);
const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';

if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error('snippets/agreement.json is stale: run `node scripts/generate-snippets.mjs`.');
    process.exit(1);
  }
  console.log('snippets/agreement.json is up to date.');
} else if (current === text) {
  console.log('snippets/agreement.json is up to date.');
} else {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  console.log(`wrote ${path.relative(root, out)} (${Object.keys(JSON.parse(text)).length} snippets)`);
}
