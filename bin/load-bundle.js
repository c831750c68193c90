'use strict';
// Loads a bundle from dist/ with V8's code cache written at build time (dist/<name>.v8cache,
// made by scripts/build.mjs with the same Node), so a start does not compile the bundle's
// functions again: about 20–30 ms less per start of agreement-lint (bench/README.md). The
// cache is only ever read, never written at run time. It starts with the SHA-256 of the
// bundle it was made from and is used only for that exact bundle (V8's own check compares
// only the source's length); V8 refuses it when the Node version or the flags differ, and
// the bundle then compiles as usual.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const HASH_BYTES = 32;
const sha256 = (text) => crypto.createHash('sha256').update(text).digest();

/** `require(bundle)`, with the code cache when one fits. `write`: make the cache after `run` finishes (build only). */
function loadBundle(bundle, { write = false } = {}) {
  const file = path.resolve(bundle);
  const cacheFile = `${file}.v8cache`;
  let cachedData;
  let source;
  let digest;
  if (!write) {
    try {
      const stat = fs.statSync(cacheFile);
      if (stat.isFile() && stat.size > HASH_BYTES && stat.size < 64 * 2 ** 20) {
        const data = fs.readFileSync(cacheFile);
        source = fs.readFileSync(file, 'utf8');
        digest = sha256(source);
        if (data.subarray(0, HASH_BYTES).equals(digest)) cachedData = data.subarray(HASH_BYTES);
      }
    } catch {
      // no cache: compile as usual
    }
  }
  if (!cachedData && !write) return { exports: require(file), rejected: null, saveCache() {} };
  source ??= fs.readFileSync(file, 'utf8');
  digest ??= sha256(source);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
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
      fs.writeFileSync(cacheFile, Buffer.concat([digest, script.createCachedData()]));
    },
  };
}

module.exports = { loadBundle };
