import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MERGE_RULES, findMergeRule, matchesPattern } from './merge-rules.js';
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
