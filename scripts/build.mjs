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

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/cli.ts'], outfile: 'dist/cli.js' },
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
  console.log(`built ${active.map((b) => b.outfile).join(', ')} in ${Date.now() - started} ms${dev ? ' (dev)' : ''}`);
}
