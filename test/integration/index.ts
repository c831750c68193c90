/**
 * Entry point the VS Code extension host loads (`extensionTestsPath`): runs
 * every compiled `*.test.js` next to this file with mocha and rejects when a
 * test failed or when no test ran at all (a suite that finds nothing must not
 * pass). Used by both runners: test/runners/code-server-runner.ts (here) and
 * test/runners/run-electron.ts (@vscode/test-electron).
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha = require('mocha');

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findTests(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) out.push(full);
  }
  return out.sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.AGREEMENT_TEST_MOCHA_TIMEOUT ?? 60_000),
    slow: 5_000,
    // AGREEMENT_TEST_GREP="hover" runs a subset.
    grep: process.env.AGREEMENT_TEST_GREP || undefined,
  });
  // mocha's reporters write through console.log, which the extension host
  // forwards to the runner (codeAutomationLog / the electron runner's stdout).
  const files = findTests(__dirname);
  for (const f of files) mocha.addFile(f);
  console.log(`[integration] ${files.length} test file(s): ${files.map(f => path.relative(__dirname, f)).join(', ')}`);

  return new Promise<void>((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    let pending = 0;
    try {
      const runner = mocha.run(() => {
        console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} pending` : ''}`);
        if (failed > 0) reject(new Error(`${failed} integration test(s) failed`));
        else if (passed === 0) reject(new Error(`no integration tests ran (looked for *.test.js under ${__dirname})`));
        else resolve();
      });
      runner.on('pass', () => passed++);
      runner.on('fail', () => failed++);
      runner.on('pending', () => pending++);
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
