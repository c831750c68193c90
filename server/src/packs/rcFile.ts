/** Finding the `.agreementrc.yaml` that applies to a folder (without reading it). */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const RC_FILE = '.agreementrc.yaml';

/** The nearest `.agreementrc.yaml` from `cwd` up to the repository root (a folder with `.git`). */
export function findRc(cwd: string): string | null {
  for (let dir = path.resolve(cwd); ; ) {
    const rc = path.join(dir, RC_FILE);
    if (fs.existsSync(rc)) return rc;
    if (fs.existsSync(path.join(dir, '.git'))) return null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
