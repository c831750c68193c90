'use strict';
// Loads a bundle from dist/ with V8's code cache written at build time (dist/<name>.v8cache,
// made by scripts/build.mjs with the same Node), so a start does not compile the bundle's
// functions again: about 30 ms less per start of agreement-lint (bench/README.md). The
// cache is only ever read, never written at run time; V8 refuses it when the Node version,
// the flags or the bundle differ, and the bundle then compiles as usual.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

/** `require(bundle)`, with the code cache when one fits. `write`: make the cache after `run` finishes (build only). */
function loadBundle(bundle, { write = false } = {}) {
  const file = path.resolve(bundle);
  const cacheFile = `${file}.v8cache`;
  let cachedData;
  if (!write) {
    try {
      const stat = fs.statSync(cacheFile);
      if (stat.isFile() && stat.size < 64 * 2 ** 20) cachedData = fs.readFileSync(cacheFile);
    } catch {
      // no cache: compile as usual
    }
  }
  if (!cachedData && !write) return { exports: require(file), rejected: null, saveCache() {} };
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  const localRequire = (id) => mod.require(id);
  localRequire.resolve = (id) => Module._resolveFilename(id, mod);
  localRequire.main = require.main;
  localRequire.cache = require.cache;
  require.cache[file] = mod;
  script.runInThisContext().call(mod.exports, mod.exports, localRequire, mod, file, path.dirname(file));
  mod.loaded = true;
  return {
    exports: mod.exports,
    rejected: cachedData ? script.cachedDataRejected === true : null,
    /** After a representative run: the cache then holds the functions that run compiled too. */
    saveCache() {
      fs.writeFileSync(cacheFile, script.createCachedData());
    },
  };
}

module.exports = { loadBundle };
