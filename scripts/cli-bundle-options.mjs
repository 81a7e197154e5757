// The esbuild options of the CLI bundle, shared by the build and by benchmarks that build a private copy.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function cliBundleOptions(outfile) {
  return {
    entryPoints: [path.join(ROOT, 'src/cli/main.ts')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    // dockerode pulls optional native modules (ssh2, cpu-features): load it from node_modules.
    external: ['dockerode'],
    // yargs' string-width builds Unicode tables when imported, and its `assert` import loads
    // node:assert: these wrappers defer both to first use.
    alias: { 'string-width': path.join(ROOT, 'src/cli/lazy-string-width.ts'), assert: path.join(ROOT, 'src/cli/lazy-assert.ts') },
    define: { 'import.meta.url': '__ncImportMetaUrl' },
    banner: { js: "const __ncImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [asciiCode(outfile)],
  };
}

/**
 * bin/ncompose.js reads the bundle as latin1, which is twice as fast as decoding UTF-8; that is only
 * right if the code is ASCII. esbuild escapes strings but not regular expressions, and keeps some
 * comments (where any character is harmless): fail the build on a non-ASCII character elsewhere.
 */
function asciiCode(outfile) {
  return {
    name: 'ascii-code',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length) return;
        const lines = readFileSync(outfile, 'utf8').split('\n');
        const bad = lines.findIndex((line) => /[^\x00-\x7f]/.test(line) && !/^\s*(\/\/|\/\*|\*)/.test(line));
        if (bad >= 0) throw new Error(`non-ASCII character in code, line ${bad + 1} of ${outfile}: write it as a \\u escape`);
      });
    },
  };
}
