/**
 * The ajv compiler, loaded on first use: only an invalid lint config or a rule with options needs
 * it, and loading it with the CLI cost every command ~5 ms. `require` (not `import`) so the bundle
 * keeps ajv inside and evaluates it here, on the first call; vitest provides `require` too.
 */
import type { Ajv } from 'ajv';

let instance: Ajv | undefined;

/** One compiler for the lint config schema and the rules' option schemas (it caches what it compiled). */
export function lintAjv(): Ajv {
  instance ??= new (require('ajv') as typeof import('ajv')).Ajv({ allErrors: true, strict: false });
  return instance;
}
