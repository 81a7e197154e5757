/**
 * Text edits for style fixes that move whole items of a mapping or sequence: each item keeps
 * its own text (comments above it, a trailing comment, quoting); the gaps between items stay put.
 * Computed from the loader's nodes and the original text, never by parsing again. A fix that would
 * change what an alias refers to (an alias moved above its anchor) is dropped.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { SourceRange } from '../../diagnostics.js';
import type { SourceFile } from '../../parser/source-index.js';
import type { Fix } from '../types.js';
import { reorderKeepsAliases } from './_anchors.js';

interface Span {
  start: number;
  end: number;
}

/** A SourceRange for [start, end) offsets of a file. */
export function rangeAt(f: SourceFile, start: number, end: number): SourceRange {
  const lc = f.lineCounter;
  const a = lc ? lc.linePos(start) : { line: 1, col: start + 1 };
  const b = lc ? lc.linePos(end) : { line: 1, col: end + 1 };
  return { file: f.displayPath, line: a.line, col: a.col, endLine: b.line, endCol: b.col, offset: start, endOffset: end };
}

/** The pairs of a mapping node (the `items` of a YAMLMap), skipping anything odd. */
export function pairs(node: unknown): Pair<Node, Node | null>[] {
  return isMap(node) ? ((node as YAMLMap).items.filter((p) => isPair(p) && isScalar(p.key)) as Pair<Node, Node | null>[]) : [];
}

export function keyOf(p: Pair<Node, Node | null>): string {
  return isScalar(p.key) ? String(p.key.value) : '';
}

/** The value node of `key` in a mapping node written in this file (no aliases, no merges). */
export function mapValue(node: unknown, key: string): Node | null | undefined {
  return pairs(node).find((p) => keyOf(p) === key)?.value;
}

/** Range of the key of `key`, and of the whole lines of its pair (for removing it). */
export function pairLinesRange(f: SourceFile, map: unknown, key: string): { key: SourceRange; lines: [number, number] } | undefined {
  const p = pairs(map).find((x) => keyOf(x) === key);
  const kr = p?.key.range;
  if (!p || !kr) return undefined;
  const start = f.text.lastIndexOf('\n', kr[0] - 1) + 1;
  const end = lineEnd(f.text, Math.max(kr[1], p.value?.range?.[1] ?? kr[1]));
  return { key: rangeAt(f, kr[0], kr[1]), lines: [start, Math.min(f.text.length, end + 1)] };
}

/** End (the `\n` or end of text) of the line holding the last character before `pos`. */
function lineEnd(text: string, pos: number): number {
  const p = Math.max(0, pos - 1);
  if (text[p] === '\n') return p;
  const nl = text.indexOf('\n', p);
  return nl < 0 ? text.length : nl;
}

function itemStart(item: unknown): number | undefined {
  return isPair(item) ? (item.key as Node | null)?.range?.[0] : (item as Node | null)?.range?.[0];
}

function itemEnd(item: unknown): number | undefined {
  if (isPair(item)) return (item.value as Node | null)?.range?.[1] ?? (item.key as Node | null)?.range?.[1];
  return (item as Node | null)?.range?.[1];
}

/** One span per item: whole lines (with comments right above) in block style, the node itself in flow style. */
function itemSpans(text: string, node: YAMLMap | YAMLSeq): Span[] | undefined {
  const spans: Span[] = [];
  const block = !node.flow;
  for (const [i, item] of node.items.entries()) {
    const s = itemStart(item);
    const e = itemEnd(item);
    if (s === undefined || e === undefined) return undefined;
    if (!block) {
      spans.push({ start: s, end: e });
      continue;
    }
    let start = text.lastIndexOf('\n', s - 1) + 1;
    if (!/^[ \t]*(-[ \t]+)?$/.test(text.slice(start, s))) return undefined;
    if (isSeq(node) !== /-/.test(text.slice(start, s))) return undefined;
    if (i > 0) start = withCommentsAbove(text, start, s - start, spans[i - 1]!.end);
    spans.push({ start, end: lineEnd(text, e) });
  }
  return spans;
}

/** Move `start` up over comment-only lines at the item's indentation, not past `floor`. */
function withCommentsAbove(text: string, start: number, indent: number, floor: number): number {
  let cur = start;
  while (cur > floor + 1) {
    const prev = text.lastIndexOf('\n', cur - 2) + 1;
    if (prev <= floor) break;
    const line = text.slice(prev, cur - 1);
    if (!/^[ \t]*#/.test(line) || line.length - line.trimStart().length !== indent) break;
    cur = prev;
  }
  return cur;
}

/**
 * A fix putting the items of `node` in `order` (indices into node.items), or null when the
 * layout cannot be moved safely or an alias would then refer to another anchor (or none).
 */
export function reorderFix(f: SourceFile, node: YAMLMap | YAMLSeq, order: number[]): Fix | null {
  const spans = itemSpans(f.text, node);
  if (!spans || spans.length < 2) return null;
  const range: [number, number] = [spans[0]!.start, spans[spans.length - 1]!.end];
  if (!f.doc || !reorderKeepsAliases(f.doc, node.items, order, range[0], range[1])) return null;
  const texts = spans.map((s) => f.text.slice(s.start, s.end));
  const gaps = spans.slice(1).map((s, i) => f.text.slice(spans[i]!.end, s.start));
  return { range, text: order.map((k, i) => texts[k]! + (i < gaps.length ? gaps[i]! : '')).join('') };
}

/** Indices of `items` sorted by `compare` (stable). */
export function sortedOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): number[] {
  return items.map((_, i) => i).sort((a, b) => compare(items[a]!, items[b]!) || a - b);
}

/** First index where `order` differs from the identity, or -1 when already in order. */
export function firstOutOfOrder(order: number[]): number {
  return order.findIndex((k, i) => k !== i);
}
