/**
 * Source-side helpers: the yaml node a model path came from (through aliases and `<<`),
 * and the text as written before interpolation.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { RuleContext } from '../types.js';
import type { Path } from '../../parser/types.js';
import type { SourceFile } from '../../parser/source-index.js';
import { writtenInterpolation } from '../source-nodes.js';

/** The node at `path` in one parsed document, following aliases and merge keys; undefined if absent. */
export function findNode(doc: Document.Parsed, path: Path): Node | undefined {
  let cur: Node | undefined = deref(doc, doc.contents as Node | null);
  for (const seg of path) {
    if (!cur) return undefined;
    if (isSeq(cur)) cur = deref(doc, cur.items[Number(seg)] as Node | null);
    else if (isMap(cur)) cur = deref(doc, mapGet(doc, cur, String(seg), 0));
    else return undefined;
  }
  return cur;
}

function deref(doc: Document.Parsed, n: Node | null | undefined): Node | undefined {
  if (!n) return undefined;
  return isAlias(n) ? ((n.resolve(doc) as Node | undefined) ?? undefined) : n;
}

interface MapIndex {
  keys: Map<string, Node | null>;
  merges: Node[];
}

/** Per mapping node: its keys (the last of duplicates wins, as in the loader) and its `<<` sources; built once. */
const indexes = new WeakMap<object, MapIndex>();

function indexOf(map: { items: readonly unknown[] }): MapIndex {
  let idx = indexes.get(map);
  if (idx) return idx;
  idx = { keys: new Map(), merges: [] };
  for (const p of map.items) {
    if (!isPair(p) || !isScalar(p.key)) continue;
    if (isMergeKey(p.key)) idx.merges.push(p.value as Node);
    else idx.keys.set(String(p.key.value), p.value as Node | null);
  }
  indexes.set(map, idx);
  return idx;
}

function mapGet(doc: Document.Parsed, map: { items: readonly unknown[] }, key: string, depth: number): Node | null | undefined {
  if (depth > 32) return undefined;
  const idx = indexOf(map);
  if (idx.keys.has(key)) return idx.keys.get(key);
  for (const m of idx.merges) {
    const v = deref(doc, m);
    const sources = isSeq(v) ? v.items.map((i) => deref(doc, i as Node)) : [v];
    for (const src of sources) {
      if (!isMap(src)) continue;
      const hit = mapGet(doc, src, key, depth + 1);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

export function isMergeKey(k: unknown): boolean {
  return isScalar(k) && k.value === '<<' && k.type === 'PLAIN';
}

/** The last file (the one that wins the merge) that has a node at `path`. */
export function sourceNode(ctx: RuleContext, path: Path): { file: SourceFile; node: Node } | undefined {
  for (let i = ctx.files.length - 1; i >= 0; i--) {
    const file = ctx.files[i]!;
    if (!file.doc) continue;
    const node = findNode(file.doc, path);
    if (node) return { file, node };
  }
  return undefined;
}

/** The source value at `path` contained `${…}` / `$VAR` before interpolation. */
export function isInterpolatedAt(ctx: RuleContext, path: Path): boolean {
  return writtenInterpolation(ctx.files, path) !== undefined;
}
