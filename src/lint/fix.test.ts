import { isMap, isScalar } from 'yaml';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyFixes, MAX_FIX_PASSES } from './fix.js';
import { unifiedDiff } from './diff.js';
import { fixText, lintTextResult } from './testing.js';
import { defineRule, type Fix } from './types.js';
import { privilegedRule, quoteImageRule } from './test-support/doubles.js';

const e = (a: number, b: number, text: string): Fix => ({ range: [a, b], text });

describe('applyFixes', () => {
  it.each<[string, string, Fix[][], string]>([
    ['one replacement', 'abcdef', [[e(1, 3, 'X')]], 'aXdef'],
    ['sorted regardless of order', 'abcdef', [[e(4, 5, 'Y')], [e(0, 1, 'X')]], 'XbcdYf'],
    ['an overlapping group is dropped (first wins)', 'abcdef', [[e(1, 4, 'X')], [e(3, 5, 'Y')]], 'aXef'],
    ['a group is atomic: one overlap drops all its edits', 'abcdef', [[e(0, 2, 'X')], [e(5, 6, 'Z'), e(1, 2, 'Y')]], 'Xcdef'],
    ['two inserts at one point: the first only', 'ab', [[e(1, 1, 'X')], [e(1, 1, 'Y')]], 'aXb'],
    ['insert next to a replacement', 'abc', [[e(1, 1, 'X')], [e(1, 2, 'Y')]], 'aXYc'],
    ['out-of-range edits are ignored', 'abc', [[e(2, 9, 'X')]], 'abc'],
    ['removal', 'a b c', [[e(1, 3, '')]], 'a c'],
  ])('%s', (_n, text, groups, expected) => {
    expect(applyFixes(text, groups)).toBe(expected);
  });

  it('keeps every byte outside the accepted edits (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.tuple(fc.nat(40), fc.nat(5), fc.string({ maxLength: 3 })), { maxLength: 6 }), (text, raw) => {
        const groups = raw.map(([a, len, t]) => [e(Math.min(a, text.length), Math.min(a + len, text.length), t)]);
        const out = applyFixes(text, groups);
        const kept = applyFixes(text, []);
        expect(kept).toBe(text);
        // Applying no-op edits (text equal to the replaced slice) changes nothing.
        const same = groups.map(([g]) => [e(g!.range[0], g!.range[1], text.slice(g!.range[0], g!.range[1]))]);
        expect(applyFixes(text, same)).toBe(text);
        return typeof out === 'string';
      }),
    );
  });

  /** The obvious quadratic applier (every edit against every accepted one): the indexed one must agree. */
  function naiveApply(text: string, groups: Fix[][]): string {
    const meet = (a: Fix, b: Fix) =>
      a.range[0] === a.range[1] && b.range[0] === b.range[1] ? a.range[0] === b.range[0] : a.range[0] < b.range[1] && b.range[0] < a.range[1];
    const by = (a: Fix, b: Fix) => a.range[0] - b.range[0] || a.range[1] - b.range[1];
    const sorted = groups
      .filter((g) => g.length && g.every((x) => x.range[0] >= 0 && x.range[1] <= text.length && x.range[0] <= x.range[1]))
      .map((g) => [...g].sort(by))
      .sort((a, b) => by(a[0]!, b[0]!) || a[a.length - 1]!.range[1] - b[b.length - 1]!.range[1]);
    const accepted: Fix[] = [];
    for (const g of sorted) {
      if (g.some((x, i) => g.some((y, j) => i < j && meet(x, y))) || g.some((x) => accepted.some((a) => meet(a, x)))) continue;
      accepted.push(...g);
    }
    accepted.sort(by);
    let out = '';
    let at = 0;
    for (const x of accepted) {
      out += text.slice(at, x.range[0]) + x.text;
      at = x.range[1];
    }
    return out + text.slice(at);
  }

  it('agrees with a naive applier on groups of several edits (property)', () => {
    const edit = fc.tuple(fc.nat(30), fc.nat(4), fc.string({ maxLength: 2 })).map(([a, len, t]) => e(a, a + len, t));
    fc.assert(
      fc.property(fc.string({ minLength: 20, maxLength: 30 }), fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), (text, groups) => {
        expect(applyFixes(text, groups)).toBe(naiveApply(text, groups));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fix loop', () => {
  it('re-runs until stable: overlapping fixes land over several passes', () => {
    // Each finding wraps the whole services map: all overlap, so one lands per pass.
    const wrap = defineRule({
      name: 'test-wrap',
      meta: { category: 'style', defaultSeverity: 'warning', fixable: true, docs: { description: 'd' }, messages: { m: 'm' }, presets: [] },
      create(ctx) {
        const f = ctx.files[0]!;
        const services = ctx.nodeAt(f.path, ['services']);
        if (!isMap(services)) return;
        for (const p of services.items) {
          const img = ctx.nodeAt(f.path, ['services', String((p.key as { value: string }).value), 'image']);
          if (!isScalar(img) || String(img.value).length >= 4) continue;
          const [start, end] = [services.range![0], img.range![1]];
          ctx.report({ messageId: 'm', node: services, fix: (fx) => fx.replaceRange([start, end], f.text.slice(start, end) + 'x') });
        }
      },
    });
    const yaml = 'services:\n  a:\n    image: a\n  b:\n    image: b\n';
    expect(fixText(yaml, { rules: [wrap] })).toBe('services:\n  a:\n    image: axxx\n  b:\n    image: bxxx\n');
  });

  it('stops after MAX_FIX_PASSES when a fix never converges', () => {
    const grow = defineRule({
      name: 'test-grow',
      meta: { category: 'style', defaultSeverity: 'warning', fixable: true, docs: { description: 'd' }, messages: { m: 'm' }, presets: [] },
      create(ctx) {
        const f = ctx.files[0]!;
        const img = ctx.nodeAt(f.path, ['services', 'a', 'image']);
        if (isScalar(img)) ctx.report({ messageId: 'm', node: img, fix: (fx) => fx.insertTextAfter(img, 'x') });
      },
    });
    expect(fixText('services:\n  a:\n    image: a\n', { rules: [grow] })).toBe(`services:\n  a:\n    image: a${'x'.repeat(MAX_FIX_PASSES)}\n`);
  });

  it('is idempotent and keeps comments, quoting and layout', () => {
    const yaml = [
      '# stack',
      'x-base: &base',
      "  image: 'busybox:1.36'   # quoted on purpose",
      'services:',
      '  web:',
      '    <<: *base',
      '    image: nginx:1.27',
      '    privileged: true    # TODO drop',
      '',
      '  db: {image: postgres:16, privileged: true}',
      '',
    ].join('\n');
    const rules = [quoteImageRule, privilegedRule];
    const once = fixText(yaml, { rules });
    expect(once).toBe(yaml.replace('image: nginx:1.27', 'image: "nginx:1.27"').replace('privileged: true    #', 'privileged: false    #').replace('{image: postgres:16, privileged: true}', '{image: "postgres:16", privileged: false}'));
    expect(fixText(once, { rules })).toBe(once);
    expect(lintTextResult(once, { rules }).findings).toEqual([]);
  });

  it('prints a unified diff of the fixes', () => {
    const yaml = 'services:\n  a:\n    image: x\n    privileged: true\n';
    const r = lintTextResult(yaml, { rules: [privilegedRule] }, true);
    const [[, change]] = [...r.fixed];
    expect(unifiedDiff(change!.original, change!.text, 'compose.yaml')).toBe(
      '--- a/compose.yaml\n+++ b/compose.yaml\n@@ -1,4 +1,4 @@\n services:\n   a:\n     image: x\n-    privileged: true\n+    privileged: false\n',
    );
  });
});

describe('unifiedDiff', () => {
  it('separates distant changes into hunks with 3 lines of context', () => {
    const a = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n';
    const b = 'a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n';
    expect(unifiedDiff(a, b, 'x.yaml')).toBe('--- a/x.yaml\n+++ b/x.yaml\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -11,3 +11,4 @@\n k\n l\n m\n+n\n');
    expect(unifiedDiff(a, a, 'x.yaml')).toBe('');
  });
});
