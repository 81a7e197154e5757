import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dirCases, runRawCase } from './testing/raw-fixtures.js';

const root = path.resolve(__dirname, '../../fixtures/parser/include');
const cases = dirCases(root);

describe('include (fixtures/parser/include: a directory per case)', () => {
  it('covers short and long syntax, project_directory, env_file, cycles and conflicts', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const out = runRawCase(c);
    expect(out.diagnostics).toEqual(c.expected.diagnostics ?? []);
    expect(out.model).toEqual(c.expected.model);
    if (c.expected.includedValues) expect(out.includedValues).toEqual(c.expected.includedValues);
  });
});
