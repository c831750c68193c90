// Unminified bundles for profiling, in out/devdist/ (so concurrent production builds of dist/
// do not replace them): node bench/tools/build-dev.mjs → out/devdist/{server,cli,worker}.js
import * as esbuild from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: false, sourcemap: false, logLevel: 'warning', define: { AGREEMENT_LINT_VERSION: '"dev"' } };
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'out/devdist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/cli.ts'], outfile: 'out/devdist/cli.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'out/devdist/worker.js' }),
]);
console.log('built out/devdist/{server,cli,worker}.js');
