import * as fs from 'node:fs';
import * as path from 'node:path';

/** The extension's root folder (holding package.json, rules/, regulations/), from a bundled or compiled file. */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && fs.existsSync(path.join(dir, 'rules'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.resolve(from, '..');
}
