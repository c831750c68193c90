// npm run package: build the production bundles, pack the .vsix with @vscode/vsce
// (no node_modules: everything is bundled), then list what went in and check it:
// only run-time files, no tests, no dev dependencies, under 2 MB.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
const LIMIT = 2 * 1024 * 1024;

// Source maps of a dev build must not ship (the production build writes none).
for (const f of fs.existsSync(path.join(root, 'dist')) ? fs.readdirSync(path.join(root, 'dist')) : []) if (f.endsWith('.map')) fs.rmSync(path.join(root, 'dist', f));
execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
const args = [vsce, 'package', '--no-dependencies', '--out', out];
// Without a repository, README links stay relative: VS Code shows the extension page from the
// installed files, so docs/screenshot.png displays (an invented base address would not).
if (!manifest.repository) args.push('--allow-missing-repository', '--no-rewrite-relative-links');
if (!fs.existsSync(path.join(root, 'LICENSE')) && !fs.existsSync(path.join(root, 'LICENSE.md'))) args.push('--skip-license');
execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });

const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);
const allowed = /^(dist|rules|schemas|regulations|snippets|syntaxes|l10n)\/|^(package\.json|package\.nls(\.[\w-]+)?\.json|language-configuration\.json|README\.md|LICENSE(\.\w+)?|docs\/(screenshot|icon)\.png)$/;
const stray = listing.filter((f) => !allowed.test(f) || /node_modules|(^|\/)test\/|\.test\.|\.map$/.test(f));
const size = fs.statSync(out).size;
console.log(`\n${path.basename(out)}: ${(size / 1024).toFixed(0)} KB, ${listing.length} files`);
for (const f of listing) console.log(`  ${f}`);
let failed = false;
if (stray.length > 0) {
  console.error(`unexpected files in the package:\n  ${stray.join('\n  ')}`);
  failed = true;
}
if (size > LIMIT) {
  console.error(`the package is ${(size / 1024 / 1024).toFixed(2)} MB, over the 2 MB limit`);
  failed = true;
}
process.exit(failed ? 1 : 0);
