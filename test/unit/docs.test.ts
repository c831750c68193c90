import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

describe('generated documentation', () => {
  it('README lists every rule of the packs (scripts/generate-rule-docs.mjs is up to date)', () => {
    const result = spawnSync(process.execPath, ['scripts/generate-rule-docs.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('rules/README.md lists every requirement with its rules and tests (scripts/generate-coverage-docs.mjs is up to date)', () => {
    const result = spawnSync(process.execPath, ['scripts/generate-coverage-docs.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });
});
