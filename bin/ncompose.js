#!/usr/bin/env -S node --
// The only job of bin/: run the compiled CLI and set the exit code.
// The bundle is compiled through vm.Script with a V8 code cache (dist/cli.cache) so a cold start
// skips parsing and compiling ~1 MB of JavaScript; a stale or missing cache only costs speed.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const file = path.join(dist, 'cli.cjs');
const cacheFile = path.join(dist, 'cli.cache');
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {}
const wrapper = '(function (exports, require, module, __filename, __dirname) {' + readFileSync(file, 'utf8') + '\n})';
const script = new Script(wrapper, { filename: file, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dist);
if (process.env.NCOMPOSE_WRITE_CODE_CACHE === '1' || (cachedData && script.cachedDataRejected)) {
  process.once('beforeExit', () => {
    try {
      writeFileSync(cacheFile, script.createCachedData());
    } catch {}
  });
}
process.exitCode = await module.exports.main(process.argv.slice(2));
