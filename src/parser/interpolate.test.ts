import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from './load.js';
import { interpolateTree } from './interpolate.js';
import { parseYamlFile } from './parse-yaml.js';
import { pathKey } from './source-index.js';
import type { LoadContext, RawMap } from './types.js';

const dir = new URL('../../fixtures/parser/interpolation/tree/', import.meta.url);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -5))
  .sort();

interface Expected {
  env: Record<string, string>;
  out?: unknown;
  diagnostics?: { code: string; severity?: string; line: number; col: number }[];
}

const FILE = '/project/compose.yaml';

function run(text: string, env: Record<string, string>): { out: RawMap; ctx: LoadContext } {
  const ctx = createContext({ cwd: '/project', env });
  ctx.environment = { ...env };
  const parsed = parseYamlFile(FILE, text, 'compose.yaml');
  expect(parsed.diagnostics).toEqual([]);
  ctx.sources.add(parsed.source);
  return { out: interpolateTree(parsed.value!, ctx, FILE), ctx };
}

describe('interpolateTree (fixtures)', () => {
  it.each(names)('%s', (name) => {
    const text = readFileSync(new URL(`${name}.yaml`, dir), 'utf8');
    const want = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as Expected;
    const { out, ctx } = run(text, want.env);
    const got = ctx.diagnostics
      .map((d) => ({ code: d.code, severity: d.severity, line: d.range?.line, col: d.range?.col, file: d.range?.file }))
      .sort((a, b) => a.line! - b.line! || a.col! - b.col! || a.code.localeCompare(b.code));
    const expected = (want.diagnostics ?? []).map((d) => ({ severity: 'error', ...d, file: 'compose.yaml' }));
    expect(got).toEqual(expected);
    if (want.out !== undefined) expect(JSON.parse(JSON.stringify(out))).toEqual(want.out);
  });
});

describe('interpolateTree', () => {
  it('records which paths held $ expressions, as written, for lint', () => {
    const { ctx } = run('services:\n  web:\n    image: ${IMG:-x}\n    command: echo $$HOME\n    environment:\n      - A=$B\n', {});
    const written = ctx.sources.files[0]!.interpolated!;
    expect(written.get(pathKey(['services', 'web', 'image']))).toBe('${IMG:-x}');
    expect(written.get(pathKey(['services', 'web', 'environment', 0]))).toBe('A=$B');
    expect(written.has(pathKey(['services', 'web', 'command']))).toBe(false);
    expect(written.has(pathKey(['services', 'web']))).toBe(false);
  });

  it('says which variable is unset, as compose does', () => {
    const { ctx } = run('services:\n  web:\n    image: $NOPE\n', {});
    expect(ctx.diagnostics[0]!.message).toBe('The "NOPE" variable is not set. Defaulting to a blank string.');
    expect(ctx.diagnostics[0]!.path).toBe('services.web.image');
  });

  it('does not change its input', () => {
    const ctx = createContext({ cwd: '/project', env: {} });
    ctx.environment = { A: 'a' };
    const raw = parseYamlFile(FILE, 'services:\n  web:\n    image: $A\n').value!;
    ctx.sources.add(parseYamlFile(FILE, 'services:\n  web:\n    image: $A\n').source);
    const before = JSON.stringify(raw);
    interpolateTree(raw, ctx, FILE);
    expect(JSON.stringify(raw)).toBe(before);
  });
});

describe('interpolateTree (property)', () => {
  const piece = fc.constantFrom('$', '${', '}', ':-', '-', ':?', '?', ':+', 'A', 'B', 'x', ' ', '$$', '\n', '1', 'true', 'yes');
  const str = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));
  const keys = fc.constantFrom('services', 'web', 'scale', 'ports', 'target', 'read_only', 'cpus', 'ulimits', 'nofile', 'networks', 'external', 'image');
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, str, fc.integer(), fc.boolean(), fc.constant(null), tie('map'), tie('list')),
    map: fc.dictionary(keys, tie('node'), { maxKeys: 4 }),
    list: fc.array(tie('node'), { maxLength: 3 }),
  }));

  it('never throws on random trees and strings; every diagnostic is located', () => {
    fc.assert(
      fc.property(fc.dictionary(keys, tree.node, { maxKeys: 4 }), fc.dictionary(fc.constantFrom('A', 'B'), fc.string({ maxLength: 4 })), (raw, env) => {
        const ctx = createContext({ cwd: '/project', env: {} });
        ctx.environment = env;
        const out = interpolateTree(raw as RawMap, ctx, FILE);
        expect(typeof out).toBe('object');
        for (const d of ctx.diagnostics) expect(d.code).toMatch(/^interpolation_/);
      }),
      { numRuns: 1500 },
    );
  });
});
