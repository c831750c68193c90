// The main job: print the findings for examples/, then open examples/ in VS Code with
// the extension loaded — desktop VS Code when `code` is installed, otherwise the
// VS Code web workbench (code-server) on 127.0.0.1, whose address is printed.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');

console.log('── agreement-lint examples/ ──');
spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), examples], { stdio: 'inherit', cwd: root });

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).status === 0;
if (hasCode) {
  console.log('── opening examples/ in VS Code with the extension under development ──');
  spawn('code', [`--extensionDevelopmentPath=${root}`, examples], { stdio: 'inherit', detached: true }).unref();
} else if (process.env.CI || process.argv.includes('--no-open')) {
  console.log('(not opening an editor: CI or --no-open)');
} else {
  console.log('── `code` is not installed: starting the VS Code web workbench (code-server) ──');
  execFileSync('bash', [path.join(root, 'test', 'runners', 'install-code-server.sh')], { stdio: 'inherit' });
  const require = createRequire(import.meta.url);
  const runner = require(path.join(root, 'out', 'test', 'runners', 'code-server-runner.js'));
  const server = await runner.startCodeServer(examples, { profile: 'start' });
  const url = runner.workbenchUrl(server, { workspace: examples, extensionDevelopmentPath: root });
  console.log(`\nVS Code is running at:\n  ${url}\n\nOpen it in a browser on this machine. Press Ctrl+C to stop.`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
