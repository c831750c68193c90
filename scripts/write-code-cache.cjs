'use strict';
// Build step: run agreement-lint once over examples/ (output discarded) and save V8's code
// cache of dist/cli.js next to it, for bin/load-bundle.js. A separate process, so the
// cache holds only what the CLI itself compiled.
const path = require('node:path');
const { Writable } = require('node:stream');
const { loadBundle } = require('../bin/load-bundle.js');

const root = path.resolve(__dirname, '..');
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const bundle = loadBundle(path.join(root, 'dist/cli.js'), { write: true });
bundle.exports
  .main(['--no-config', '--format', 'json', 'examples'], { cwd: root, stdout: sink(), stderr: sink() })
  .then(() => bundle.saveCache())
  .catch((error) => {
    console.error(`code cache: ${error.message}`);
    process.exitCode = 1;
  });
