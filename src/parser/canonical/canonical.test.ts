import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectToJson, projectToYaml } from '../../model/serialize.js';
import { loadProject, type LoadResult } from '../load.js';

/** fixtures/parser/canonical: `<case>.yaml` (compose file in) + `<case>.json` (model values by path out). */
interface Expected {
  expect: Record<string, unknown>;
  diagnostics?: { code: string; line: number }[];
  setup?: { files?: Record<string, string>; env?: Record<string, string> };
}

const ABSENT = '<absent>';
const root = path.resolve(__dirname, '../../../fixtures/parser/canonical');
const cases = readdirSync(root)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => f.replace(/\.yaml$/, ''));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'ncompose-canonical-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function setUp(name: string, spec: Expected) {
  const parent = path.join(scratch, name);
  const dir = path.join(parent, 'proj');
  const home = path.join(parent, 'home');
  mkdirSync(dir, { recursive: true });
  mkdirSync(home);
  const file = path.join(dir, 'compose.yaml');
  writeFileSync(file, readFileSync(path.join(root, `${name}.yaml`), 'utf8'));
  for (const [f, text] of Object.entries(spec.setup?.files ?? {})) writeFileSync(path.join(dir, f), text);
  const options = { cwd: dir, env: { HOME: home, ...spec.setup?.env } };
  return { dir, parent, home, file, options };
}

function errors(r: LoadResult) {
  return r.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ code: d.code, line: d.range?.line }));
}

function at(value: unknown, dotted: string): unknown {
  let v = value;
  for (const seg of dotted.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
  return v;
}

function substitute(v: unknown, vars: Record<string, string>): unknown {
  if (typeof v === 'string') return v.replace(/\$\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
  if (Array.isArray(v)) return v.map((e) => substitute(e, vars));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, substitute(e, vars)]));
  return v;
}

describe('canonical form (fixtures/parser/canonical)', () => {
  it('has at least 50 cases', () => expect(cases.length).toBeGreaterThanOrEqual(50));

  it.each(cases)('%s', (name) => {
    const spec = JSON.parse(readFileSync(path.join(root, `${name}.json`), 'utf8')) as Expected;
    const env = setUp(name, spec);
    const result = loadProject({ files: [env.file], ...env.options });
    expect(errors(result)).toEqual(spec.diagnostics ?? []);
    const vars = { DIR: env.dir, PARENT: env.parent, HOME: env.home };
    for (const [p, want] of Object.entries(spec.expect)) {
      const got = at(result.project, p);
      if (want === ABSENT) expect(got, p).toBeUndefined();
      else expect(got, p).toEqual(substitute(want, vars));
    }
    if (spec.diagnostics?.length) return;
    // Round trip: `config` output (YAML and JSON) loads back to the same model.
    for (const [ext, text] of [['yaml', projectToYaml(result.project!, { escapeDollars: true })], ['json', projectToJson(result.project!, { escapeDollars: true })]] as const) {
      const out = path.join(env.dir, `config-out.${ext}`);
      writeFileSync(out, text);
      const again = loadProject({ files: [out], ...env.options });
      expect(errors(again), ext).toEqual([]);
      expect(again.project, `${ext} round trip`).toEqual(result.project);
    }
  });
});
