import * as assert from 'node:assert/strict';
import { lint, ROOT } from './helpers';

describe('agreement-lint in the project folder', () => {
  it('with no path checks the shipped examples, never the test documents and fixtures', () => {
    const run = lint(['--format', 'json'], ROOT);
    const files: string[] = JSON.parse(run.stdout).map((r: { file: string }) => r.file);
    assert.ok(files.length > 0);
    assert.ok(files.every((f) => f.includes('/examples/')), files.filter((f) => !f.includes('/examples/')).slice(0, 5).join('\n'));
  });
});

describe('the npm package (npm pack, then npm i -g of the tarball)', function () {
  this.timeout(60000);
  it('carries the CLI bundle, its data and nothing of the sources or tests', () => {
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
    for (const needed of ['bin/agreement-lint.js', 'bin/load-bundle.js', 'dist/cli.js', 'dist/cli-fast.js', 'dist/worker.js', 'dist/packs.cache.json', 'schemas/agreement.schema.json', 'rules/hebei-2017-47.yaml']) assert.ok(files.includes(needed), `${needed} is missing`);
    assert.ok(!files.some((f) => /^(test|server|client|scripts|node_modules)\//.test(f)), files.join('\n'));
  });
});
