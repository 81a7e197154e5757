// Build: bundle the CLI into one CommonJS file with esbuild, then warm a V8 code cache for it.
// One file + a code cache makes a cold start cost about what `node` alone costs: start-up time
// matters for a tool that runs in every pre-commit hook. Command modules stay lazy: esbuild
// turns each `import()` into an init function that runs only when that command runs.
import { build } from 'esbuild';
import { rmSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { cliBundleOptions } from './cli-bundle-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
// The compose schema is compiled here, once, never at run time.
await import('./gen-schema-validator.mjs').then((m) => m.writeGenerated());

await build({ ...cliBundleOptions(path.join(root, 'dist/cli.cjs')), sourcemap: 'linked' });

// Warm the code cache with the commands a pre-commit hook or CI runs most.
const warm = spawnSync(process.execPath, [path.join(root, 'scripts/warm-code-cache.cjs')], { stdio: 'ignore' });
if (warm.status !== 0 || !existsSync(path.join(root, 'dist/cli.cache'))) console.warn('warning: no V8 code cache was written (start-up will be slower)');
