/**
 * Map a canonical path back to the node the user wrote. The canonical form turns lists into maps
 * (`depends_on: [db]` → `depends_on: {db: …}`), so `services.web.depends_on.db` may not exist in
 * the source: then the list entry whose scalar names `db` is the node to point at.
 */
import type { SourceRange } from '../diagnostics.js';
import { PATH_SEPARATOR, pathKey } from './source-index.js';
import type { LoadContext, Path } from './types.js';

const MAX_SCAN = 100_000;

/** True when some file has a node at exactly `path` (not just an ancestor). */
export function hasSource(ctx: LoadContext, path: Path): boolean {
  const k = pathKey(path);
  return ctx.sources.files.some((f) => f.positions.has(k));
}

/**
 * The path of `name` under the list-or-map at `base`: `[...base, name]` when written as a map key,
 * else `[...base, i]` for the list entry `name` or `name:…`; `[...base, name]` when neither is found.
 */
export function findEntryPath(ctx: LoadContext, base: Path, name: string): Path {
  const asKey = [...base, name];
  if (hasSource(ctx, asKey)) return asKey;
  const i = entryIndex(ctx, base).get(name);
  return i === undefined ? asKey : [...base, i];
}

/** Per context and list path: entry name → index, built once (a long list must not cost n² lookups). */
const indexes = new WeakMap<LoadContext, Map<string, Map<string, number>>>();

function entryIndex(ctx: LoadContext, base: Path): Map<string, number> {
  let byBase = indexes.get(ctx);
  if (!byBase) indexes.set(ctx, (byBase = new Map()));
  const k = pathKey(base);
  let index = byBase.get(k);
  if (index) return index;
  index = new Map();
  for (const f of [...ctx.sources.files].reverse()) {
    for (let i = 0; i < MAX_SCAN; i++) {
      const r = f.positions.get(pathKey([...base, i]));
      if (!r) break;
      if (r.offset === undefined || r.endOffset === undefined) continue;
      const name = entryName(f.text.slice(r.offset, r.endOffset));
      if (!index.has(name)) index.set(name, i);
    }
  }
  byBase.set(k, index);
  return index;
}

/** `db`, `"db"`, `db:alias`, `service:db` → the service/resource named by a list entry's text. */
function entryName(text: string): string {
  const unquoted = text.trim().replace(/^(['"])(.*)\1$/s, '$2');
  return unquoted.split(':')[0]!;
}

/** The range of the key at exactly `path` (`db` in `db: {…}`), when the user wrote it as a key. */
export function keyRange(ctx: LoadContext, path: Path): SourceRange | undefined {
  const k = pathKey(path) + PATH_SEPARATOR + '#key';
  for (const f of [...ctx.sources.files].reverse()) {
    const r = f.positions.get(k);
    if (r) return r;
  }
  return undefined;
}
