// Build: bundle the CLI with esbuild (one cold start instead of hundreds of module loads).
// Commands stay lazily loaded: each dynamic import becomes its own chunk.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
rmSync(path.join(root, 'dist'), { recursive: true, force: true });

await build({
  entryPoints: { cli: path.join(root, 'src/cli/main.ts') },
  outdir: path.join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // dockerode pulls optional native modules (ssh2, cpu-features): load it from node_modules.
  external: ['dockerode'],
  banner: { js: "import { createRequire as __ncCreateRequire } from 'node:module'; const require = __ncCreateRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
});
