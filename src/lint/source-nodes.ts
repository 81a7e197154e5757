/**
 * The loader's parsed yaml Documents, seen from lint: find a node by model path, turn a node
 * into a located range, build text-edit fixes. Nothing here parses text again.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { SourceRange } from '../diagnostics.js';
import { pathKey, type SourceFile } from '../parser/source-index.js';
import { rangeOf } from '../parser/parse-yaml.js';
import type { Path } from '../parser/types.js';
import type { Fix, Fixer } from './types.js';

const MAX_ALIAS_HOPS = 64;

/** Follow aliases to the anchored node. */
export function resolveAlias(file: SourceFile, n: unknown): Node | undefined {
  let cur = n as Node | null | undefined;
  for (let i = 0; cur && isAlias(cur) && i < MAX_ALIAS_HOPS; i++) cur = cur.resolve(file.doc!) as Node | undefined;
  return cur ?? undefined;
}

/** The node at `path` in one file; explicit keys win over `<<` merge sources, as in the loader. */
export function nodeAtPath(file: SourceFile, path: Path): Node | undefined {
  if (!file.doc) return undefined;
  let cur = resolveAlias(file, file.doc.contents);
  for (const seg of path) {
    if (!cur) return undefined;
    if (isSeq(cur)) cur = typeof seg === 'number' ? resolveAlias(file, cur.items[seg]) : undefined;
    else if (isMap(cur)) cur = resolveAlias(file, mapLookup(file, cur, String(seg), 0)?.value);
    else return undefined;
  }
  return cur;
}

/** The key node of the pair at `path` (undefined for sequence items). */
export function keyNodeAtPath(file: SourceFile, path: Path): Node | undefined {
  if (!path.length) return undefined;
  const parent = nodeAtPath(file, path.slice(0, -1));
  if (!parent || !isMap(parent)) return undefined;
  return mapLookup(file, parent, String(path[path.length - 1]), 0)?.key as Node | undefined;
}

interface PairLike {
  key: unknown;
  value: unknown;
}

interface MapIndex {
  keys: Map<string, PairLike>;
  merges: unknown[];
}

/** Key → pair of a mapping node, built once per node: rules look up the same big maps many times. */
const indexes = new WeakMap<object, MapIndex>();

function indexOf(map: { items: unknown[] }): MapIndex {
  let ix = indexes.get(map);
  if (ix) return ix;
  ix = { keys: new Map(), merges: [] };
  for (const p of map.items) {
    if (!isPair(p)) continue;
    const k = p.key as Node | null;
    if (isScalar(k) && k.value === '<<' && k.type === 'PLAIN') ix.merges.push(p.value);
    else ix.keys.set(keyText(k), p); // a duplicate key: the last one wins, as in the loader
  }
  indexes.set(map, ix);
  return ix;
}

function mapLookup(file: SourceFile, map: { items: unknown[] }, key: string, depth: number): PairLike | undefined {
  if (depth > MAX_ALIAS_HOPS) return undefined;
  const { keys, merges } = indexOf(map);
  const hit = keys.get(key);
  if (hit) return hit;
  for (const m of merges) {
    const sources = isSeq(m) ? m.items : [m];
    for (const s of sources) {
      const target = resolveAlias(file, s);
      if (target && isMap(target)) {
        const hit = mapLookup(file, target, key, depth + 1);
        if (hit) return hit;
      }
    }
  }
  return undefined;
}

function keyText(k: Node | null): string {
  if (k === null) return '';
  if (isScalar(k)) return k.value === null ? '' : String(k.value);
  return String(k);
}

/** The located range of a node (its value, without a trailing comment). */
export function rangeOfNode(file: SourceFile, n: Node): SourceRange | undefined {
  const r = n.range;
  if (!r || !file.lineCounter) return undefined;
  return rangeOf(file.displayPath, file.lineCounter, r[0], r[1]);
}

/** A range from offsets, with line/col computed through the file's LineCounter. */
export function rangeOfOffsets(file: SourceFile, start: number, end: number): SourceRange | undefined {
  return file.lineCounter ? rangeOf(file.displayPath, file.lineCounter, start, end) : undefined;
}

function offsetsOf(n: Node): [number, number] {
  const r = n.range;
  if (!r) throw new Error('fix on a node without a source range');
  return [r[0], r[1]];
}

export const fixer: Fixer = {
  replaceRange: (range, text): Fix => ({ range: [range[0], range[1]], text }),
  replaceNode: (n, text): Fix => ({ range: offsetsOf(n), text }),
  insertTextBefore: (n, text): Fix => {
    const [a] = offsetsOf(n);
    return { range: [a, a], text };
  },
  insertTextAfter: (n, text): Fix => {
    const [, b] = offsetsOf(n);
    return { range: [b, b], text };
  },
  removeRange: (range): Fix => ({ range: [range[0], range[1]], text: '' }),
};

/**
 * The value at `path` as written, when it held `${…}` / `$VAR` before interpolation; the last file
 * defining the path decides. From the loader's record: no yaml node is needed.
 */
export function writtenInterpolation(files: readonly SourceFile[], path: Path): string | undefined {
  const key = pathKey(path);
  for (let i = files.length - 1; i >= 0; i--) {
    const f = files[i]!;
    if (f.positions.has(key)) return f.interpolated?.get(key);
  }
  return undefined;
}
