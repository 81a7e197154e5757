// The esbuild options of the CLI bundle, shared by the build and by benchmarks that build a private copy.
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
    // yargs' string-width builds Unicode tables when imported; this wrapper defers them to first use.
    alias: { 'string-width': path.join(ROOT, 'src/cli/lazy-string-width.ts') },
    define: { 'import.meta.url': '__ncImportMetaUrl' },
    banner: { js: "const __ncImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
}
