#!/usr/bin/env node
'use strict';
// agreement-lint: see `agreement-lint --help`. Exit codes: 0 clean, 1 errors found, 2 usage/config/I/O error.
const { loadBundle } = require('./load-bundle.js');

loadBundle(require('node:path').join(__dirname, '../dist/cli.js'))
  .exports.main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
