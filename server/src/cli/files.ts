import * as fs from 'node:fs';
import * as path from 'node:path';

export const AGREEMENT_SUFFIX = '.agreement.md';
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** Expand files and folders into agreement files, sorted for stable output. Throws a usage error for missing paths. */
export function collectFiles(inputs: string[]): string[] {
  const out = new Set<string>();
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new UsageError(`找不到文件或文件夹：${input}`);
    }
    if (stat.isDirectory()) walk(input, out);
    else out.add(path.resolve(input));
  }
  return [...out].sort();
}

function walk(dir: string, out: Set<string>): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, out);
    } else if (entry.isFile() && entry.name.endsWith(AGREEMENT_SUFFIX)) {
      out.add(path.resolve(full));
    }
  }
}

export class UsageError extends Error {}
