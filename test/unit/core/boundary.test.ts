import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const FORBIDDEN = /from ['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|node:fs|fs|node:path|path|node:child_process|child_process)['"]/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

const CORE = path.join(ROOT, 'server/src/core');
/** Relative module paths of a file's imports and re-exports. */
const RELATIVE_IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

describe('architecture boundary', () => {
  it('server/src/core imports no editor, protocol or I/O module', () => {
    const offenders = sources(CORE).filter((file) => FORBIDDEN.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(offenders.map((f) => path.relative(ROOT, f)), []);
  });

  it('server/src/core imports nothing from outside itself (coded rules included)', () => {
    const outside: string[] = [];
    for (const file of sources(CORE)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
        const target = path.resolve(path.dirname(file), m[1]);
        // JSON schemas are data the core is built with, not code.
        if (!target.startsWith(CORE + path.sep) && !target.endsWith('.json')) outside.push(`${path.relative(ROOT, file)} → ${m[1]}`);
      }
    }
    assert.deepEqual(outside, []);
  });
});
