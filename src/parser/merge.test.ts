import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from './load.js';
import { mergeModels, resolveResets } from './merge.js';
import { MERGE_RULES, findMergeRule, matchesPattern } from './merge-rules.js';
import { parseYamlFile } from './parse-yaml.js';
import type { RawMap } from './types.js';
import { UNIQUE_RULES } from './merge-unique.js';
import { multiDocCases, runRawCase } from './testing/raw-fixtures.js';

const root = path.resolve(__dirname, '../../fixtures/parser/merge');
const cases = multiDocCases(root);

describe('merge of several -f files (fixtures/parser/merge: one YAML document per file)', () => {
  it('has a case for every rule family', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const out = runRawCase(c);
    expect(out.diagnostics).toEqual(c.expected.diagnostics ?? []);
    expect(out.model).toEqual(c.expected.model);
  });
});

describe('merge rule table', () => {
  it('matches `*` against exactly one segment', () => {
    expect(matchesPattern(['services', '*', 'command'], ['services', 'web', 'command'])).toBe(true);
    expect(matchesPattern(['services', '*', 'command'], ['services', 'web', 'x', 'command'])).toBe(false);
    expect(matchesPattern(['services', '*'], ['services'])).toBe(false);
  });

  it('finds the rule of a path and none for plain attributes', () => {
    expect(findMergeRule(['services', 'web', 'environment'])).toBeDefined();
    expect(findMergeRule(['services', 'web', 'ulimits', 'nofile'])).toBeDefined();
    expect(findMergeRule(['services', 'web', 'image'])).toBeUndefined();
    expect(findMergeRule(['x-services', 'web', 'environment'])).toBeUndefined();
  });

  it('lists every pattern once', () => {
    for (const table of [MERGE_RULES, UNIQUE_RULES]) {
      const patterns = table.map(([p]) => p);
      expect(new Set(patterns).size).toBe(patterns.length);
    }
  });
});

describe('mergeModels', () => {
  const parse = (text: string): RawMap => parseYamlFile('/x.yaml', text).value!;

  it('leaves both inputs untouched and shares nothing it changed', () => {
    const base = parse('services:\n  web:\n    image: a\n    environment: [A=1]\n    ports: ["80:80"]\n');
    const over = parse('services:\n  web:\n    environment: {B: "2"}\n    ports: !reset []\n');
    const before = [JSON.stringify(base), JSON.stringify(over)];
    const merged = resolveResets(mergeModels(base, over, createContext({})));
    expect([JSON.stringify(base), JSON.stringify(over)]).toEqual(before);
    expect(merged).toEqual({ services: { web: { image: 'a', environment: { A: '1', B: '2' } } } });
  });

  it('keeps a key named __proto__ as a plain key', () => {
    const base = parse('services:\n  web:\n    image: a\n    labels: {__proto__: x}\n');
    const over = parse('services:\n  web:\n    labels: [__proto__=y, constructor=z]\n');
    const merged = mergeModels(base, over, createContext({}));
    const labels = (merged.services as RawMap).web as RawMap;
    expect(Object.entries(labels.labels as RawMap)).toEqual([
      ['__proto__', 'y'],
      ['constructor', 'z'],
    ]);
  });

  it('resolveResets drops markers in a single file', () => {
    const one = parse('services:\n  web:\n    image: a\n    ports: !reset []\n    command: !override [x]\n');
    expect(resolveResets(one)).toEqual({ services: { web: { image: 'a', command: ['x'] } } });
  });
});
