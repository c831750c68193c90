/**
 * Every contributed string has an English default and a Chinese translation, and every
 * client UI string passed to vscode.l10n.t has a Chinese translation in the bundle.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../../server/src/packs/packageRoot';

const root = packageRoot(__dirname);
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

describe('localization', () => {
  it('package.json: every %key% is in package.nls.json and package.nls.zh-cn.json', () => {
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.includes('command.new'));
    const en = read('package.nls.json');
    const zh = read('package.nls.zh-cn.json');
    for (const key of keys) {
      assert.ok(typeof en[key] === 'string' && en[key].length > 0, `package.nls.json lacks ${key}`);
      assert.ok(typeof zh[key] === 'string' && /[\u4e00-\u9fff]/.test(zh[key]), `package.nls.zh-cn.json lacks a Chinese ${key}`);
    }
    assert.equal(read('package.json').l10n, './l10n', 'package.json names the l10n folder');
  });

  it('client: every vscode.l10n.t string has a Chinese translation', () => {
    const bundle = read('l10n/bundle.l10n.zh-cn.json');
    const dir = path.join(root, 'client', 'src');
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    assert.ok(files.some((f) => f.includes(path.sep)), 'client/src sub-folders are read too');
    for (const file of files) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        const message = m[1].replace(/\\'/g, "'");
        assert.ok(typeof bundle[message] === 'string', `${file}: “${message}” has no zh-cn translation in l10n/bundle.l10n.zh-cn.json`);
      }
    }
  });

  it('an English command title carries its Chinese name, so the command palette finds it by either', () => {
    const manifest = read('package.json');
    const en = read('package.nls.json');
    const zh = read('package.nls.zh-cn.json');
    for (const command of manifest.contributes.commands as Array<{ command: string; title: string }>) {
      const key = command.title.replace(/^%|%$/g, '');
      // The Chinese name as an officer types it: without a trailing file type such as (.docx).
      const chinese = (zh[key] as string).replace(/\s*\(\.\w+\)$/, '');
      assert.ok((en[key] as string).includes(chinese), `${command.command}: “${en[key]}” does not contain “${chinese}”`);
    }
  });

  it('a command that needs a ledger row is not offered in the command palette', () => {
    const palette = read('package.json').contributes.menus.commandPalette as Array<{ command: string; when?: string }>;
    assert.equal(palette.find((m) => m.command === 'agreement.ledger.openClause')?.when, 'false');
  });
});
