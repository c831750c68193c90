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

describe('architecture boundary', () => {
  for (const folder of ['server/src/core', 'server/src/rules']) {
    it(`${folder} imports no editor, protocol or I/O module`, () => {
      const offenders = sources(path.join(ROOT, folder)).filter((file) => FORBIDDEN.test(fs.readFileSync(file, 'utf8')));
      assert.deepEqual(offenders.map((f) => path.relative(ROOT, f)), []);
    });
  }
});
