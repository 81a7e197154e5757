import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParseYaml, resolvePlain } from './fast-yaml.js';
import { parseYamlFile } from './parse-yaml.js';
import { PositionMap } from './source-index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/awesome-compose');

/** Spans as the fast path records them. */
function fast(text: string): { value: unknown; spans: Map<string, [number, number]> } | undefined {
  const spans = new Map<string, [number, number]>();
  const value = fastParseYaml(text, { setSpan: (k, a, b) => spans.set(k, [a, b]), setKeySpan: (k, a, b) => spans.set(`${k}\u001f#key`, [a, b]) });
  return value === undefined ? undefined : { value, spans };
}

/** Spans and value as the walk over yaml's Document records them. */
function slow(text: string): { value: unknown; spans: Map<string, [number, number]>; errors: string[] } {
  const r = parseYamlFile('/x/compose.yaml', text, 'compose.yaml', { fast: false });
  const spans = new Map<string, [number, number]>();
  const pm = r.source.positions as PositionMap;
  for (const k of pm.keys()) {
    const g = pm.get(k)!;
    spans.set(k, [g.offset!, g.endOffset!]);
  }
  return { value: r.value, spans, errors: r.diagnostics.map((d) => d.message) };
}

/** The fast path either declines or agrees with yaml exactly: value, every span, no errors. */
function expectAgreement(text: string): boolean {
  const f = fast(text);
  if (!f) return false;
  const s = slow(text);
  expect(s.errors, text).toEqual([]);
  expect(plain(f.value), text).toEqual(plain(s.value));
  expect(Object.fromEntries(f.spans), text).toEqual(Object.fromEntries(s.spans));
  return true;
}

/** Prototype-less maps as plain objects, and -0/NaN made visible, so toEqual compares what matters. */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'number' && (Object.is(v, -0) || Number.isNaN(v))) return `number:${Object.is(v, -0) ? '-0' : 'NaN'}`;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(n) ? [p] : [];
  });
}

describe('fast YAML path', () => {
  const cases: [string, string][] = [
    ['nested maps, comments, nulls', 'a:\n  b: 1  # c\n  d:\n  e: [x, "y" , 3]\n  f:\n  - 1\n  -\n  - k: v\n    j: w\n# end\ng: |\n  lit\n   x\n\n\nh: z\n'],
    ['trailing comments at several depths', 'a:\n  b:\n    c: 1\n    # deep\n  # mid\n# top\nd: 1\n'],
    ['comment after a shallower one', 'a:\n  b: 1\n\n# tc at 0\n  # tc2\nc:\n  - x\n  # c\n\n'],
    ['null values', 'a:\n  - b\n  -\n  - c\nd:\n\ne: 1\nf:\n'],
    ['block scalars: keep, strip, folded, leading blank', 'c: |+\n  l\n\n\nd: >-\n  f\n  g\n\n  h\n\ne: |\n\n  l\n  m\nf: >\n\n  a\n  b\n'],
    ['block scalar in a sequence and in a compact map', 's:\n  - |\n    one\n    two\n  - k: >\n      folded\n      text\n    j: 1\n'],
    ['block scalar indented content with deeper lines', 'a: |\n  x\n    y\n  z\nb: 1\n'],
    ['scalars of the core schema', 'a: [~, null, Null, NULL, true, False, TRUE, 0o17, 017, 0440, 08, 0x1F, -12, +3, 1.5, .5, 1e3, -.inf, .NaN, 1_000, 0b1, 1.0, yes, on]\n'],
    ['keys that resolve to other types', 'x:\n  1: a\n  1.50: b\n  true: c\n  ~: d\n  0x10: e\n  "q": f\n  \'s\': g\n'],
    ['quoted scalars and escapes', 'a: "x\\ty\\n\\u00e9\\x41\\\\\\""\nb: \'it\'\'s\'\nc: "#not a comment"\nd: \'a: b\'\n'],
    ['flow collections', 'a: {x: 1, "y": [1, 2, {z: w}], e: {}, f: []}\nb: [ a , b ]\nc: {"k":1}\n'],
    ['compact nested sequences', 'a:\n- - 1\n  - 2\n- - 3\n'],
    ['document start and indented root', '---\n  a: 1\n  b: 2\n'],
    ['plain scalars with indicators inside', 'a: http://x:80/p?q=1#frag\nb: -1\nc: --flag=x\nd: a#b\ne: "x" # c\nf: 50%\ng: a [b] {c}\n'],
    ['a file without a final line break', 'services:\n  web:\n    image: nginx'],
  ];
  it.each(cases)('agrees with yaml: %s', (_name, text) => {
    expect(expectAgreement(text)).toBe(true);
  });

  const declined: [string, string][] = [
    ['a null value with a comment after it', 'a:\n  -   # x\n  - c\n'],
    ['a null value before comment lines', 'a:\n  b:\n  # b: 1\n  c: 2\n'],
    ['anchors and aliases', 'x: &a 1\ny: *a\n'],
    ['merge keys', 'x: {a: 1}\ny:\n  <<: {a: 2}\n'],
    ['tags', 'a: !reset []\n'],
    ['multi-line plain scalar', 'a: one\n  two\n'],
    ['multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['multi-line flow', 'a: [1,\n  2]\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['tabs', 'a:\t1\n'],
    ['CRLF', 'a: 1\r\nb: 2\r\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a sequence at the root', '- a\n'],
    ['a scalar at the root', 'hello\n'],
    ['an empty file', '# nothing\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a mapping in a plain scalar', 'a: b: c\n'],
    ['an implicit map in a flow sequence', 'a: [b: c]\n'],
    ['a flow key without a value', 'a: {b}\n'],
    ['a folded scalar with more-indented lines', 'a: >\n  x\n    y\n'],
    ['an explicit indentation indicator', 'a: |2\n   x\n'],
    ['nesting deeper than the fast path goes', 'a: ' + '['.repeat(60) + ']'.repeat(60) + '\n'],
  ];
  it.each(declined)('declines (yaml decides): %s', (_name, text) => {
    expect(fast(text)).toBeUndefined();
  });

  it('agrees with yaml on every fixture and corpus file it accepts, and accepts most of them', () => {
    const files = [...yamlFiles(path.join(ROOT, 'fixtures')), ...yamlFiles(CORPUS)];
    let accepted = 0;
    for (const f of files) if (expectAgreement(readFileSync(f, 'utf8'))) accepted++;
    expect(files.length).toBeGreaterThan(400);
    expect(accepted / files.length).toBeGreaterThan(0.7);
  });

  it('agrees with yaml on generated compose-like documents', () => {
    let accepted = 0;
    fc.assert(
      fc.property(documentArb, (text) => {
        if (expectAgreement(text)) accepted++;
      }),
      { numRuns: Number(process.env.FAST_YAML_RUNS ?? 600) },
    );
    expect(accepted).toBeGreaterThan(Number(process.env.FAST_YAML_RUNS ?? 600) / 4);
  }, Math.max(10_000, Number(process.env.FAST_YAML_RUNS ?? 0) * 2));

  it('places the ends of collections like yaml, whatever comment lines follow them', () => {
    // Where yaml ends a collection depends on the comment lines after it (their columns, blank lines,
    // what comes next): every combination of two such lines after ten kinds of last item.
    const heads = [
      'x:\n  a:\n    b:\n      c: 1\n', 'x:\n  a:\n    b:\n      - 1\n', 'x:\n  a:\n    b:\n    - 1\n',
      'x:\n  a:\n    b:\n      c:\n        d: 1\n', 'x:\n  a:\n    b:\n      - - 1\n', 'x:\n  a:\n    b:\n      - c: 1\n        d: 2\n',
      'x:\n- 1\n', 'x:\n  a:\n    b:\n      c: [1]\n', 'x:\n  a:\n    b:\n      c: "q"\n', 'x:\n  a:\n    b:\n      c: |\n        t\n',
    ];
    const lines = ['', '# 0\n', '  # 2\n', '    # 4\n', '      # 6\n', '        # 8\n', '\n'];
    const tails = ['y: 1\n', '  y: 1\n', '    y: 1\n', ''];
    let accepted = 0;
    let total = 0;
    for (const head of heads) for (const l1 of lines) for (const l2 of lines) for (const tail of tails) {
      const text = head + l1 + l2 + tail;
      if (slow(text).errors.length) continue;
      total++;
      if (expectAgreement(text)) accepted++;
    }
    expect(accepted / total).toBeGreaterThan(0.9);
  });

  it('resolves plain scalars like the yaml core schema', () => {
    expect([resolvePlain('0o17'), resolvePlain('-0'), resolvePlain('+12'), resolvePlain('1e2'), resolvePlain('.Inf')]).toEqual([15, -0, 12, 100, Infinity]);
  });
});

// ── Generated documents: random trees written in random (valid and invalid) styles ───────────

type Gen = { k: 's'; v: string } | { k: 'seq'; items: Gen[] } | { k: 'map'; pairs: [string, Gen][] };

const word = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,6}$/);
const scalarText = fc.oneof(
  word,
  fc.constantFrom('1', '0440', '08', '1.5', 'true', 'no', '~', 'null', '', '-1', '0x1f', '1e3', '.nan', 'a b', 'http://x:1', 'a#b', '50%', '${VAR:-x}', '$$', "it's", '- x', 'a: b', '[x]', '*x'),
  fc.string({ maxLength: 8 }),
);
const styled = fc.tuple(scalarText, fc.constantFrom('plain', 'plain', 'single', 'double')).map(([t, st]) => {
  if (st === 'single') return `'${t.replace(/'/g, "''")}'`;
  if (st === 'double') return JSON.stringify(t);
  return t;
});

const genArb: fc.Arbitrary<Gen> = fc.letrec<{ node: Gen }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    styled.map((v): Gen => ({ k: 's', v })),
    fc.array(tie('node'), { maxLength: 3 }).map((items): Gen => ({ k: 'seq', items })),
    fc.array(fc.tuple(word, tie('node')), { maxLength: 3 }).map((pairs): Gen => ({ k: 'map', pairs })),
  ),
})).node;

const documentArb = fc
  .tuple(fc.array(fc.tuple(word, genArb), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { minLength: 97, maxLength: 97 }))
  .map(([pairs, dice]) => {
    let d = 0;
    const roll = (n: number) => dice[d++ % dice.length]! % n;
    const lines: string[] = [];
    const flow = (g: Gen): string =>
      g.k === 's' ? g.v : g.k === 'map' ? `{${g.pairs.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')}}` : `[${g.items.map(flow).join(', ')}]`;
    const trailer = () => ['', '', ' # c', '  ', '#x'][roll(5)];
    /** `head` is the line so far (`key:` or `-`), `indent` the column of the collection holding it. */
    const write = (g: Gen, indent: number, head: string): void => {
      if (g.k === 's') {
        if (roll(8) === 0) {
          const body = g.v.replace(/\n/g, '') || 'x';
          lines.push(`${head} ${['|', '>', '|-', '>+', '|+', '>-'][roll(6)]}${trailer()}`, ...[body, roll(3) ? '' : null, body].filter((x) => x !== null).map((l) => (l ? ' '.repeat(indent + 2) + l : '')));
        } else lines.push(`${head} ${g.v}${trailer()}`);
      } else if ((g.k === 'seq' ? g.items.length : g.pairs.length) === 0 || roll(5) === 0) {
        lines.push(`${head} ${flow(g)}${trailer()}`);
      } else if (g.k === 'map') {
        lines.push(`${head}${trailer()}`);
        for (const [k, v] of g.pairs) write(v, indent + 2, `${' '.repeat(indent + 2)}${k}:`);
      } else {
        lines.push(`${head}${trailer()}`);
        const at = head.trimStart().startsWith('-') || roll(3) ? indent + 2 : indent; // `key:` may hold a sequence at its own column
        for (const item of g.items) {
          if (item.k === 'map' && item.pairs.length && roll(2)) {
            const [[k0, v0], ...rest] = item.pairs;
            write(v0, at + 2, `${' '.repeat(at)}- ${k0}:`);
            for (const [k, v] of rest) write(v, at + 2, `${' '.repeat(at + 2)}${k}:`);
          } else write(item, at, `${' '.repeat(at)}-`);
        }
      }
      if (roll(7) === 0) lines.push('');
      if (roll(9) === 0) lines.push(`${' '.repeat(roll(8))}# between`);
    };
    for (const [k, v] of pairs) write(v, 0, `${k}:`);
    return lines.join('\n') + (roll(4) === 0 ? '' : '\n');
  });
