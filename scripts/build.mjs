// Bundles the extension (client), the language server and the CLI with esbuild.
//   node scripts/build.mjs            production: minified, no source maps
//   node scripts/build.mjs --dev      source maps, not minified
//   node scripts/build.mjs --watch    rebuild on change (implies --dev)
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  logLevel: 'warning',
  legalComments: 'none',
};

// The JSON Schemas as validation code (committed; rewritten only when a schema changed).
const { writeValidators } = await import('./generate-validators.mjs');
for (const name of writeValidators()) console.log(`regenerated server/src/core/generated/${name}`);

const manifest = JSON.parse((await import('node:fs')).readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/cli.ts'], outfile: 'dist/cli.js', define: { AGREEMENT_LINT_VERSION: JSON.stringify(manifest.version) } },
  // What bin/agreement-lint.js loads first: `--cache` over an unchanged folder, answered without dist/cli.js.
  { ...common, entryPoints: ['server/src/cli/fastStart.ts'], outfile: 'dist/cli-fast.js', define: { AGREEMENT_LINT_VERSION: JSON.stringify(manifest.version) } },
  { ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/worker.js', allowMissing: true },
];

const fs = await import('node:fs');
const active = builds.filter((b) => !b.allowMissing || fs.existsSync(b.entryPoints[0])).map(({ allowMissing, ...b }) => b);

if (watch) {
  for (const options of active) (await esbuild.context(options)).watch();
  console.log('watching for changes…');
} else {
  const started = Date.now();
  await Promise.all(active.map((options) => esbuild.build(options)));
  // Validated built-in rule packs, so no start pays for YAML parsing and ajv (server/src/packs/packCache.ts).
  const { createRequire } = await import('node:module');
  const cache = createRequire(import.meta.url)('../dist/cli.js').writeBuiltinPackCache();
  for (const problem of cache.problems) console.error(`rule pack problem: ${problem}`);
  // V8's code cache of the CLI bundle, after a run over the examples (bin/load-bundle.js).
  const codeCache = (await import('node:child_process')).spawnSync(process.execPath, ['scripts/write-code-cache.cjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (codeCache.status !== 0) console.error('no code cache for dist/cli.js');
  console.log(`built ${active.map((b) => b.outfile).join(', ')}, ${cache.file ? 'dist/packs.cache.json' : 'no pack cache'}${codeCache.status === 0 ? ', dist/cli.js.v8cache' : ''} in ${Date.now() - started} ms${dev ? ' (dev)' : ''}`);
}
