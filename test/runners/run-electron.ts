/**
 * Runs the same integration suite (out/test/integration/index.js) in a desktop
 * VS Code downloaded by @vscode/test-electron. For machines that can reach
 * update.code.visualstudio.com (a developer laptop, GitHub Actions); on the CI
 * machines here use test/runners/code-server-runner.ts instead.
 *
 *   npm run build && npm run compile-tests && node out/test/runners/run-electron.js [workspace]
 *
 * Env: VSCODE_TEST_VERSION (default "stable"; "insiders" or e.g. "1.100.3").
 * On Linux without a display, run it under xvfb-run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const extensionDevelopmentPath = REPO_ROOT;
  const extensionTestsPath = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
  const workspace = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'));
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  for (const [file, hint] of [
    [path.resolve(REPO_ROOT, pkg.main ?? 'dist/extension.js'), 'npm run build'],
    [extensionTestsPath, 'npm run compile-tests'],
    [workspace, 'a workspace folder'],
  ] as const) {
    if (![file, `${file}.js`].some(f => fs.existsSync(f))) throw new Error(`${file} does not exist (${hint})`);
  }
  const cacheRoot = path.join(REPO_ROOT, '.vscode-test');
  const exitCode = await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? 'stable',
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay out; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(cacheRoot, 'electron-user-data')}`,
      `--extensions-dir=${path.join(cacheRoot, 'electron-extensions')}`,
    ],
    extensionTestsEnv: { AGREEMENT_TEST_RUN: '1' },
  });
  if (exitCode !== 0) throw new Error(`integration suite failed (exit code ${exitCode})`);
}

main().then(
  () => process.exit(0),
  err => {
    console.error(`[run-electron] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
