/**
 * reorderKeepsAliases: moving the items of one collection is safe exactly when every alias still
 * resolves to the same anchored node. Checked against yaml itself: apply the move as text, parse, compare.
 */
import { isAlias, parseDocument, visit, type Document, type Node, type YAMLMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import { anchorIndex, reorderKeepsAliases } from './_anchors.js';

/** The items of `services` and the order sorting them by key. */
function servicesMove(text: string): { doc: Document.Parsed; map: YAMLMap; order: number[] } {
  const doc = parseDocument(text, { uniqueKeys: false });
  const map = doc.get('services', true) as YAMLMap;
  const keys = map.items.map((p) => String((p.key as { value: unknown }).value));
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  return { doc, map, order };
}

const range = (map: YAMLMap): [number, number] => [(map.items[0]!.key as Node).range![0], (map.items.at(-1)!.value as Node).range![1]];

/** Every alias's value, in document order: what the document means, as far as aliases go. */
function aliasTargets(text: string): string[] {
  const doc = parseDocument(text, { uniqueKeys: false });
  const out: string[] = [];
  visit(doc, { Alias: (_k, n) => void out.push(JSON.stringify(n.resolve(doc)?.toJSON() ?? null)) });
  return out;
}

describe('reorderKeepsAliases', () => {
  it.each<[string, string, boolean]>([
    ['no anchors', 'services:\n  b: {image: x}\n  a: {image: y}\n', true],
    ['anchor outside, alias moved', 'x: &img nginx\nservices:\n  b: {image: *img}\n  a: {image: y}\n', true],
    ['alias moved above its anchor', 'services:\n  b: {image: &img nginx}\n  a: {image: *img}\n', false],
    ['anchor and alias in one moved item', 'services:\n  b: {image: &img nginx, labels: [*img]}\n  a: {image: y}\n', true],
    ['an anchor shadowed by a moved one', 'x: &v one\nservices:\n  c: {image: *v}\n  b: {image: &v two}\n  a: {image: *v}\n', false],
    ['a later alias would see another of two same-named anchors', 'services:\n  b: {image: &v one}\n  a: {image: &v two}\nafter: *v\n', false],
    ['same-named anchors, nothing after uses them', 'services:\n  b: {image: &v one}\n  a: {image: &v two}\nafter: 1\n', true],
    ['a later alias to a re-anchored name outside', 'services:\n  b: {image: &v one}\n  a: {image: &v two}\ny: &v three\nafter: *v\n', true],
    ['an anchored item moved below a later alias is fine when the alias is after the region', 'services:\n  b: {image: &v one}\n  a: {image: two}\nafter: *v\n', true],
  ])('%s', (_name, text, safe) => {
    const { doc, map, order } = servicesMove(text);
    const [start, end] = range(map);
    expect(reorderKeepsAliases(doc, map.items, order, start, end)).toBe(safe);
    // The answer matches what yaml makes of the moved text (when it says safe, aliases mean the same).
    const items = map.items.map((p) => text.slice((p.key as Node).range![0], (p.value as Node).range![1]));
    const gaps = map.items.slice(1).map((p, i) => text.slice((map.items[i]!.value as Node).range![1], (p.key as Node).range![0]));
    const moved = text.slice(0, start) + order.map((k, i) => items[k]! + (gaps[i] ?? '')).join('') + text.slice(end);
    const before = aliasTargets(text).sort();
    const ok = parseDocument(moved).errors.length === 0 && JSON.stringify(aliasTargets(moved).sort()) === JSON.stringify(before);
    if (safe) expect(ok).toBe(true);
  });

  it('indexes each alias to the last anchor of its name before it', () => {
    const doc = parseDocument('a: &v 1\nb: *v\nc: &v 2\nd: *v\n');
    const ix = anchorIndex(doc);
    const aliases: Node[] = [];
    visit(doc, { Alias: (_k, n) => void aliases.push(n) });
    expect(aliases.map((a) => (ix.resolved.get(a) as { value?: unknown })?.value)).toEqual([1, 2]);
    expect(aliases.every(isAlias)).toBe(true);
  });
});
