#!/usr/bin/env node
'use strict';
// agreement-lint: see `agreement-lint --help`. Exit codes: 0 clean, 1 errors found, 2 usage/config/I/O error.
// dist/cli-fast.js answers `--cache` over an unchanged folder from the last report without
// loading the checker; everything else runs dist/cli.js (loaded with its code cache).
const path = require('node:path');

const dist = path.join(__dirname, '../dist');
const argv = process.argv.slice(2);
const full = (io, report) => require('./load-bundle.js').loadBundle(path.join(dist, 'cli.js')).exports.main(argv, io, report);

let fast = null;
try {
  fast = require(path.join(dist, 'cli-fast.js'));
} catch {
  // a build without it: the full CLI decides everything
}
const io = fast ? fast.defaultIo() : undefined;
(fast ? fast.answer(argv, io) : Promise.resolve({ report: undefined }))
  .then((answer) => ('code' in answer ? answer.code : full(io, answer.report)))
  .then((code) => {
    process.exitCode = code;
  });
