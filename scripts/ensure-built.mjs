// Builds dist/ (esbuild) and out/ (tsc, for tests) when any source is newer than
// the last build, so each test script can run alone without a stale build.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'out', '.build-stamp');
const sources = ['client/src', 'server/src', 'test', 'bench', 'scripts', 'schemas', 'package.json', 'tsconfig.json'];
const SKIP = new Set(['fixtures', 'corpus', 'node_modules']);

function newest(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of fs.readdirSync(full)) if (!SKIP.has(entry)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
const changed = Math.max(...sources.map(newest));
if (!process.argv.includes('--force') && built > changed && fs.existsSync(path.join(root, 'dist', 'server.js'))) process.exit(0);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
run(process.execPath, ['scripts/build.mjs', ...(process.argv.includes('--dev') ? ['--dev'] : [])]);
run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.test.json']);
fs.mkdirSync(path.dirname(stamp), { recursive: true });
fs.writeFileSync(stamp, new Date().toISOString());
