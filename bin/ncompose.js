#!/usr/bin/env -S node --
// The only job of bin/: run the compiled CLI and set the exit code. CommonJS (bin/package.json): the
// ESM loader would add ~15 ms to every start. The bundle is compiled through vm.Script with a V8 code
// cache (dist/cli.cache) so a cold start skips parsing and compiling ~2 MB of JavaScript; a stale or
// missing cache only costs speed, and is rewritten at exit when V8 rejected it (a new node version).
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { Script } = require('node:vm');
const path = require('node:path');

/** Compiles and runs the bundle; `script` can produce the cache, `saveCache` writes it. */
function loadCli(dist = path.join(__dirname, '..', 'dist')) {
  const file = path.join(dist, 'cli.cjs');
  const cacheFile = path.join(dist, 'cli.cache');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {}
  // latin1: the build checks the code is ASCII (scripts/cli-bundle-options.mjs), and reading latin1
  // is a copy where UTF-8 is a decode (~5 ms of every start for 2 MB).
  const wrapper = '(function (exports, require, module, __filename, __dirname) {' + readFileSync(file, 'latin1') + '\n})';
  const script = new Script(wrapper, { filename: file, cachedData });
  const cli = { exports: {} };
  script.runInThisContext()(cli.exports, createRequire(file), cli, file, dist);
  const saveCache = () => {
    try {
      writeFileSync(cacheFile, script.createCachedData());
    } catch {}
  };
  return { main: cli.exports.main, cacheRejected: Boolean(cachedData && script.cachedDataRejected), saveCache };
}

if (require.main === module) {
  const cli = loadCli();
  if (cli.cacheRejected) process.once('beforeExit', cli.saveCache);
  cli.main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
} else {
  module.exports = { loadCli };
}
