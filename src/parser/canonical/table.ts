/**
 * The path table that drives the canonical form: `[pattern, handler]` pairs (`*` matches one
 * segment), first match wins, walked over the raw tree like compose-go's `transform/canonical.go`.
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

/**
 * Walk `value` (a private copy: changed in place) from `path`: the first pattern that matches a
 * node handles it; only nodes on the way to some pattern are visited.
 */
export function transformTree(value: unknown, path: Path, table: PathTable, c: CanonContext): unknown {
  let node: TrieNode | undefined = compile(table);
  for (const seg of path) {
    node = child(node, String(seg));
    if (!node) return value;
  }
  return walk(value, path, node, c);
}

/** The table as a trie over path segments, so the walk enters only paths that can match. */
interface TrieNode {
  children: Map<string, TrieNode>;
  handler?: Handler;
}

const cache = new WeakMap<PathTable, TrieNode>();

function compile(table: PathTable): TrieNode {
  let root = cache.get(table);
  if (root) return root;
  root = { children: new Map() };
  for (const [pattern, handler] of table) {
    let node = root;
    for (const seg of pattern.split('.')) {
      let next = node.children.get(seg);
      if (!next) node.children.set(seg, (next = { children: new Map() }));
      node = next;
    }
    node.handler ??= handler; // first match wins
  }
  cache.set(table, root);
  return root;
}

function child(node: TrieNode, seg: string): TrieNode | undefined {
  return node.children.get(seg) ?? node.children.get('*');
}

function walk(value: unknown, path: Path, node: TrieNode, c: CanonContext): unknown {
  if (node.handler) return node.handler(value, path, c);
  if (Array.isArray(value)) {
    const next = node.children.get('*');
    if (next) for (let i = 0; i < value.length; i++) value[i] = walk(value[i], [...path, i], next, c);
    return value;
  }
  if (isObject(value)) {
    for (const k of Object.keys(value)) {
      const next = child(node, k);
      if (!next) continue;
      const t = walk(value[k], [...path, k], next, c);
      if (t === undefined) delete value[k];
      else value[k] = t;
    }
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
