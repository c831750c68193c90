import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadBundle } = require(path.join(ROOT, 'bin/load-bundle.js')) as {
  loadBundle(file: string, options?: { write?: boolean }): { exports: Record<string, unknown>; rejected: boolean | null; saveCache(): void };
};

describe('bin/load-bundle.js (V8 code cache of a bundle)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-bundle-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const bundle = (name: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, "exports.answer = require('node:path').basename(__filename) + ':' + (function twice(x) { return x * 2; })(21);\n");
    return file;
  };

  it('loads a bundle without a cache, and with the cache it wrote', () => {
    const file = bundle('a.js');
    assert.equal(loadBundle(file).exports.answer, 'a.js:42');
    const writer = loadBundle(file, { write: true });
    writer.saveCache();
    assert.ok(fs.statSync(`${file}.v8cache`).size > 0);
    const cached = loadBundle(file);
    assert.equal(cached.exports.answer, 'a.js:42');
    assert.equal(cached.rejected, false);
  });

  it('a damaged cache is refused by V8, one made for another bundle is not used, and the bundle runs as usual', () => {
    const file = bundle('b.js');
    // The right bundle hash, then bytes that are no V8 code cache: V8 refuses them.
    const digest = crypto.createHash('sha256').update(fs.readFileSync(file, 'utf8')).digest();
    fs.writeFileSync(`${file}.v8cache`, Buffer.concat([digest, Buffer.alloc(4096, 7)]));
    const damaged = loadBundle(file);
    assert.equal(damaged.exports.answer, 'b.js:42');
    assert.equal(damaged.rejected, true);
    const other = path.join(dir, 'other.js');
    fs.writeFileSync(other, 'exports.x = 1;\n');
    loadBundle(other, { write: true }).saveCache();
    fs.copyFileSync(`${other}.v8cache`, `${file}.v8cache`);
    // In a fresh process: V8's in-memory compilation cache would otherwise answer first.
    const script = `const b = require(${JSON.stringify(path.join(ROOT, 'bin/load-bundle.js'))}).loadBundle(${JSON.stringify(file)}); console.log(b.exports.answer, b.rejected);`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.stdout, 'b.js:42 null\n', 'not even offered to V8');
  });

  it('a cache made for a different bundle of the same length is never used', () => {
    const file = bundle('c.js');
    loadBundle(file, { write: true }).saveCache();
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('x * 2', 'x * 3'));
    assert.equal(fs.readFileSync(file, 'utf8').length, text.length);
    const script = `const b = require(${JSON.stringify(path.join(ROOT, 'bin/load-bundle.js'))}).loadBundle(${JSON.stringify(file)}); console.log(b.exports.answer, b.rejected);`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.stdout, 'c.js:63 null\n', 'the edited bundle runs, without the old cache');
  });

  it('the built CLI has a code cache that this Node accepts', () => {
    const cli = loadBundle(path.join(ROOT, 'dist/cli.js'));
    assert.equal(typeof cli.exports.main, 'function');
    assert.equal(cli.rejected, false);
  });
});
