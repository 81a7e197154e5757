import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compare, readExpectations } from '../../test/unit/fixture-expectations.js';
import type { Project } from '../model/project.js';
import { createContext, loadProject } from './load.js';
import { validateSemantics } from './validate-semantics.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIR = path.join(ROOT, 'fixtures/parser/semantic');
const table = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => [f, readFileSync(path.join(DIR, f), 'utf8')] as const);

describe('semantic errors: fixtures/parser/semantic (code and line:col of the offending node)', () => {
  it.each(table)('%s', (file, text) => {
    const expected = readExpectations(text);
    expect(expected, `${file} has no "# expect:" header`).toBeDefined();
    const result = loadProject({ files: [path.join(DIR, file)], cwd: DIR, env: {} });
    const [want, got] = compare(expected!, result.diagnostics);
    expect(got).toEqual(want);
  });
});

describe('dense dependency graphs stay fast', () => {
  it('reports a bounded number of cycles, each entry located without rescanning long lists', () => {
    const n = 400;
    const lines = ['services:'];
    for (let i = 0; i < n; i++) {
      const deps = Array.from({ length: 60 }, (_, k) => `s${(i + k + 1) % n}`);
      lines.push(`  s${i}:`, '    image: x', `    depends_on: [${deps.join(', ')}]`);
    }
    const file = '/dense/compose.yaml';
    const t0 = performance.now();
    const result = loadProject({ files: [file], cwd: '/dense', env: {}, overrides: { [file]: lines.join('\n') + '\n' } });
    const cycles = result.diagnostics.filter((d) => d.code === 'dependency_cycle');
    expect(cycles.length).toBeGreaterThan(0);
    expect(cycles.length).toBeLessThanOrEqual(20);
    for (const c of cycles) expect(c.range?.line).toBeGreaterThan(1);
    expect(performance.now() - t0).toBeLessThan(20_000);
  }, 60_000);
});

describe('validateSemantics', () => {
  const run = (project: Partial<Project>) => {
    const ctx = createContext({ env: {} });
    validateSemantics({ name: 'p', services: {}, ...project } as Project, ctx, {});
    return ctx.diagnostics;
  };

  it('names the whole cycle once, whichever service the walk starts from', () => {
    const dep = (t: string) => ({ [t]: { condition: 'service_started' as const, required: true } });
    const diags = run({
      services: {
        c: { image: 'x', command: null, entrypoint: null, depends_on: dep('a') },
        b: { image: 'x', command: null, entrypoint: null, depends_on: dep('c') },
        a: { image: 'x', command: null, entrypoint: null, depends_on: dep('b') },
      },
    });
    expect(diags.map((d) => [d.code, d.message, d.path])).toEqual([['dependency_cycle', 'dependency cycle: a -> b -> c -> a', 'services.a.depends_on.b']]);
  });

  it('never throws on a half-normalised or odd model', () => {
    const odd = { services: { a: null, b: 7, c: { depends_on: 'x', networks: 3, volumes: [null, 4, { type: 'volume' }], links: [1] } } } as unknown as Project;
    expect(() => run(odd)).not.toThrow();
  });

  it('handles a long dependency chain without deep recursion problems', () => {
    const services: Project['services'] = {};
    for (let i = 0; i < 20_000; i++) {
      services[`s${i}`] = { image: 'x', command: null, entrypoint: null, depends_on: i ? { [`s${i - 1}`]: { condition: 'service_started', required: true } } : undefined };
    }
    expect(run({ services })).toEqual([]);
    services['s0'] = { ...services['s0']!, depends_on: { s19999: { condition: 'service_started', required: true } } };
    const diags = run({ services });
    expect(diags.map((d) => d.code)).toEqual(['dependency_cycle']);
    expect(diags[0]!.message.split(' -> ')).toHaveLength(20_001);
  }, 60_000);
});
