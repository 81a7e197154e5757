/**
 * The path table that drives the canonical form: `[pattern, handler]` pairs, first match wins,
 * walked over the raw tree like compose-go's `transform/canonical.go`.
 */
import type { LoadContext, Path } from '../types.js';

/** What every handler gets: where it is, the project, and a way to report. */
export interface CanonContext {
  ctx: LoadContext;
  projectName: string;
  workingDir: string;
  home: string;
  /** Project environment (OS env over .env) for `KEY`-only environment entries. */
  env: Record<string, string>;
  resolvePaths: boolean;
  /** Keep short syntax that does not parse as is (`--no-interpolate` leaves `${VAR}` in place). */
  lenient: boolean;
}

/** Returns the canonical value; `undefined` removes the key. */
export type Handler = (value: unknown, path: Path, c: CanonContext) => unknown;

export type PathTable = readonly (readonly [pattern: string, handler: Handler])[];

/** `services.*.ports` matches `['services', 'web', 'ports']`; `*` matches one segment. */
export function matches(pattern: readonly string[], path: Path): boolean {
  if (pattern.length !== path.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '*' && pattern[i] !== String(path[i])) return false;
  }
  return true;
}

/** Walk `value` at `path`; the first matching pattern handles a node, else recurse into it. */
export function transformTree(value: unknown, path: Path, table: PathTable, c: CanonContext): unknown {
  const compiled = compile(table);
  return walk(value, path, compiled, c);
}

type Compiled = readonly (readonly [readonly string[], Handler])[];
const cache = new WeakMap<PathTable, Compiled>();

function compile(table: PathTable): Compiled {
  let out = cache.get(table);
  if (!out) {
    out = table.map(([p, h]) => [p.split('.'), h] as const);
    cache.set(table, out);
  }
  return out;
}

function walk(value: unknown, path: Path, table: Compiled, c: CanonContext): unknown {
  for (const [pattern, handler] of table) {
    if (matches(pattern, path)) return handler(value, path, c);
  }
  if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i], table, c));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const t = walk(v, [...path, k], table, c);
      if (t !== undefined) out[k] = t;
    }
    return out;
  }
  return value;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Report a value that cannot be brought to canonical form; returns `fallback`. */
export function invalid<T>(c: CanonContext, path: Path, code: string, message: string, fallback: T): T {
  c.ctx.report({ code, message, path });
  return fallback;
}
