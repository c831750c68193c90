/**
 * CLI test helpers: every test spawns the built `dist/cli.js` (as users and CI run it) in a
 * fresh copy of `test/fixtures/cli`, so --fix can write and nothing leaks between tests.
 */
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../../..');
export const CLI = path.join(ROOT, 'dist/cli.js');
export const FIXTURES = path.join(ROOT, 'test/fixtures/cli');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node dist/cli.js …args` in `cwd`. No colour, no TTY. */
export function lint(args: string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh copy of the CLI fixtures; returns its root (holding packs/ and project/). */
export function freshFixtures(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-lint-test-'));
  fs.cpSync(FIXTURES, dir, { recursive: true });
  // A file under a .gitignore'd folder cannot live in the repository (git would skip it): made here.
  fs.mkdirSync(path.join(dir, 'project/build'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'project/build/generated.agreement.md'), `${frontMatter('生成')}# 生成\n\n一、合作原则\n`);
  return dir;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Relative path → sha256 of every file under `dir` (to prove nothing was written). */
export function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** The front matter used by the fixture documents. */
export function frontMatter(title: string): string {
  return `---\n文种: 协议书\n类别: 其他\n标题: ${title}\n甲方: 某某区人民政府\n乙方: 某某有限公司\n牵头单位: 区商务局\n签署日期: 2025-06-30\n---\n`;
}

/** The packs every test uses instead of the built-in ones (which evolve separately). */
export const NO_BUILTIN = '--no-builtin-packs';

/**
 * Rewrite a file so that a stamp of size and mtime cannot see it: 独家经营权 → 全部经营权 keeps
 * the length in UTF-16 and in bytes (and removes the exclusive clause), and the old mtime is put back.
 */
export function rewriteKeepingSizeAndMtime(file: string): void {
  const before = fs.statSync(file);
  const text = fs.readFileSync(file, 'utf8');
  const edited = text.replace('独家经营权', '全部经营权');
  if (edited === text || Buffer.byteLength(edited) !== Buffer.byteLength(text)) throw new Error(`${file}: no same-size edit to make`);
  fs.writeFileSync(file, edited);
  fs.utimesSync(file, before.atime, before.mtime);
}

