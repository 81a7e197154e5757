/** Style rules look at each file as written: its own nodes, not the merged model. */
import { isMap, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { SourceFile } from '../../parser/source-index.js';
import type { RuleContext } from '../types.js';
import { firstOutOfOrder, keyOf, mapValue, pairs, reorderFix, sortedOrder } from './_reorder.js';

export interface ServiceNode {
  file: SourceFile;
  name: string;
  node: YAMLMap;
}

/** The mapping nodes of services written in this file. */
export function serviceNodes(f: SourceFile): ServiceNode[] {
  const all = f.doc ? mapValue(f.doc.contents, 'services') : undefined;
  return pairs(all).flatMap((p) => (isMap(p.value) ? [{ file: f, name: keyOf(p), node: p.value as YAMLMap }] : []));
}

/** Files whose YAML parsed cleanly: text edits on a broken document could make it worse. */
export function cleanFiles(ctx: RuleContext, candidate: (f: SourceFile) => boolean = () => true): SourceFile[] {
  return ctx.files.filter((f) => candidate(f) && f.doc && f.doc.errors.length === 0);
}

export function allServiceNodes(ctx: RuleContext): ServiceNode[] {
  return cleanFiles(ctx).flatMap(serviceNodes);
}

/** A block or flow sequence under `key` of a service, written in this file. */
export function serviceSeq(s: ServiceNode, key: string): YAMLSeq | undefined {
  const v = mapValue(s.node, key);
  return isSeq(v) ? (v as YAMLSeq) : undefined;
}

/** Scalar text of a node, or undefined. */
export function nodeText(n: unknown): string | undefined {
  return isScalar(n) && n.value !== null && n.value !== undefined ? String(n.value) : undefined;
}

/**
 * Report the first item that sorts before its predecessor, with a fix putting all items in order.
 * `sortKeys` gives each item's key; the node the finding points at is `at(item)`.
 */
export function reportUnsorted<T>(
  ctx: RuleContext,
  f: SourceFile,
  container: YAMLMap | YAMLSeq,
  items: readonly T[],
  compare: (a: T, b: T) => number,
  at: (item: T) => Node,
  report: { messageId: string; data: Record<string, string>; service?: string },
): void {
  const order = sortedOrder(items, compare);
  if (firstOutOfOrder(order) < 0) return;
  const bad = items.findIndex((item, i) => i > 0 && compare(items[i - 1]!, item) > 0);
  const target = items[bad < 0 ? 0 : bad]!;
  ctx.report({ ...report, node: at(target), file: f.path, fix: () => reorderFix(f, container, order) });
}
