/**
 * Anchors and aliases of a parsed Document, indexed once per Document, so a fix that moves items
 * can tell from the nodes alone (no second parse) whether every alias still means the same anchor.
 * An alias resolves to the last anchor of its name before it, in document order (as `yaml` does).
 */
import { isAlias, isCollection, isPair, type Document, type Node } from 'yaml';

interface AnchorIndex {
  /** Offsets of every anchored node and alias, ascending: "does this range hold any?" by binary search. */
  offsets: number[];
  /** Per name, the anchored nodes in document order. */
  anchors: Map<string, Node[]>;
  /** Each alias → the anchored node it resolves to (undefined: dangling). */
  resolved: Map<Node, Node | undefined>;
  /** Each anchored node → how many aliases resolve to it. */
  uses: Map<Node, number>;
}

const indexes = new WeakMap<Document.Parsed, AnchorIndex>();

export function anchorIndex(doc: Document.Parsed): AnchorIndex {
  let ix = indexes.get(doc);
  if (ix) return ix;
  ix = { offsets: [], anchors: new Map(), resolved: new Map(), uses: new Map() };
  const last = new Map<string, Node>();
  const index = ix;
  walkAnchors(doc.contents as Node | null, (n) => {
    index.offsets.push(n.range?.[0] ?? 0);
    if (isAlias(n)) {
      const target = last.get(n.source);
      index.resolved.set(n, target);
      if (target) index.uses.set(target, (index.uses.get(target) ?? 0) + 1);
      return;
    }
    const name = (n as { anchor?: string }).anchor!;
    last.set(name, n);
    const list = index.anchors.get(name);
    if (list) list.push(n);
    else index.anchors.set(name, [n]);
  });
  ix.offsets.sort((a, b) => a - b);
  indexes.set(doc, ix);
  return ix;
}

/** Visit anchored nodes and aliases under `root` in document order (an anchored collection before its items). */
function walkAnchors(root: Node | null | undefined, visit: (n: Node) => void): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop() as Node | null | undefined;
    if (!n) continue;
    if (isPair(n)) {
      stack.push(n.value, n.key);
      continue;
    }
    if (isAlias(n) || (n as { anchor?: string }).anchor) visit(n);
    if (isCollection(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
  }
}

/** True when some anchor or alias starts in [start, end). */
function holdsAnchors(ix: AnchorIndex, start: number, end: number): boolean {
  let lo = 0;
  let hi = ix.offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ix.offsets[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < ix.offsets.length && ix.offsets[lo]! < end;
}

/** The last anchor named `name` that starts before `offset`. */
function anchorBefore(ix: AnchorIndex, name: string, offset: number): Node | undefined {
  const list = ix.anchors.get(name) ?? [];
  let found: Node | undefined;
  for (let lo = 0, hi = list.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]!.range?.[0] ?? 0) < offset) {
      found = list[mid];
      lo = mid + 1;
    } else hi = mid;
  }
  return found;
}

/**
 * Moving `items` (the children of one collection, which span [start, end)) into `order` keeps every
 * alias — inside the moved items and after them — resolving to the same anchored node.
 * Linear in the size of the moved items; O(log n) when they hold no anchor and no alias.
 */
export function reorderKeepsAliases(doc: Document.Parsed, items: readonly unknown[], order: readonly number[], start: number, end: number): boolean {
  const ix = anchorIndex(doc);
  if (!holdsAnchors(ix, start, end)) return true;
  const events = items.map((item) => {
    const out: Node[] = [];
    walkAnchors(item as Node, (n) => out.push(n));
    return out;
  });
  const before = lastAnchors(ix, events, order.map((_, i) => i), start);
  const after = lastAnchors(ix, events, order, start);
  if (!before || !after) return false;
  for (const [name, old] of before.last) {
    // Aliases after the moved items use the last of them: it must stay the same, unless nothing uses it later.
    if (after.last.get(name) !== old && (ix.uses.get(old) ?? 0) > (before.inside.get(old) ?? 0)) return false;
  }
  return true;
}

/**
 * Walk the items in `order`: every alias must resolve as in the original document. Returns the last
 * anchor of each name, and how many aliases among the items use each anchor; undefined if one changes.
 */
function lastAnchors(ix: AnchorIndex, events: Node[][], order: readonly number[], start: number) {
  const last = new Map<string, Node>();
  const inside = new Map<Node, number>();
  for (const k of order) {
    for (const n of events[k]!) {
      if (!isAlias(n)) {
        last.set((n as { anchor?: string }).anchor!, n);
        continue;
      }
      const target = last.get(n.source) ?? anchorBefore(ix, n.source, start);
      if (target !== ix.resolved.get(n)) return undefined;
      if (target) inside.set(target, (inside.get(target) ?? 0) + 1);
    }
  }
  return { last, inside };
}
