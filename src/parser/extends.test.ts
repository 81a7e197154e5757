import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext, loadRawFiles } from './load.js';
import { dirCases, runRawCase } from './testing/raw-fixtures.js';

const root = path.resolve(__dirname, '../../fixtures/parser/extends');
const cases = dirCases(root);

describe('extends (fixtures/parser/extends: a directory per case)', () => {
  it('covers same file, other file, nesting, resets, cycles and errors', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const out = runRawCase(c);
    expect(out.diagnostics).toEqual(c.expected.diagnostics ?? []);
    expect(out.model).toEqual(c.expected.model);
  });
});

describe('extends positions', () => {
  it('locates an inherited value in the base file', () => {
    const dir = path.join(root, 'other-file');
    const file = path.join(dir, 'compose.yaml');
    const ctx = createContext({ files: [file], cwd: dir, env: {} });
    ctx.workingDir = dir;
    loadRawFiles([file], ctx, []);
    const inherited = ctx.sources.locate(['services', 'web', 'env_file']);
    expect(inherited).toMatchObject({ file: path.join('common', 'base.yaml'), line: 4 });
    const own = ctx.sources.locate(['services', 'web', 'environment', 'MODE']);
    expect(own).toMatchObject({ file: 'compose.yaml', line: 7 });
  });

  it('names every link of a cycle with file:line', () => {
    const dir = path.join(root, 'cycle-three');
    const file = path.join(dir, 'compose.yaml');
    const ctx = createContext({ files: [file], cwd: dir, env: {} });
    ctx.workingDir = dir;
    loadRawFiles([file], ctx, []);
    const cycle = ctx.diagnostics.find((d) => d.code === 'extends_cycle');
    for (const link of ['a (compose.yaml:3)', 'b (compose.yaml:5)', 'c (compose.yaml:8)']) expect(cycle?.message).toContain(link);
  });
});
