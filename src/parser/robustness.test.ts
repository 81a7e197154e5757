/**
 * Bad input never crashes the loader and never hangs it: each hostile input gives a located
 * error (code and line asserted), quickly. Inputs too big or too odd to commit are generated here.
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadProject, type LoadResult } from './load.js';
import { findDeepNesting } from './yaml-guards.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FILE = '/virtual/compose.yaml';

function load(text: string): LoadResult {
  return loadProject({ files: [FILE], cwd: '/virtual', env: {}, overrides: { [FILE]: text } });
}

function timed(text: string): { result: LoadResult; ms: number } {
  const t0 = performance.now();
  const result = load(text);
  return { result, ms: performance.now() - t0 };
}

const letters = (i: number) => `k${i.toString(36)}`;
const billionLaughs = () => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 12; i++) lines.push(`${letters(i)}: &${letters(i)} [${Array(10).fill('*' + (i === 1 ? 'a' : letters(i - 1))).join(',')}]`);
  return lines.join('\n') + '\n';
};
const mergeKeyBomb = () => {
  const lines = ['x0: &x0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}'];
  for (let i = 1; i < 14; i++) lines.push(`x${i}: &x${i} {p: *x${i - 1}, q: *x${i - 1}, r: *x${i - 1}, s: *x${i - 1}, <<: *x${i - 1}}`);
  return lines.join('\n') + '\n';
};
const garbage = (n: number, seed: number) => {
  let x = seed;
  const bytes = Buffer.alloc(n);
  for (let i = 0; i < n; i++) bytes[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16;
  return bytes;
};

/** [name, text, code, line]: every case must report `code` at `line`, quickly (a generous bound: CI machines are shared), without throwing. */
const HOSTILE: [string, () => string, string, number][] = [
  ['empty file', () => '', 'empty_file', 1],
  ['only whitespace', () => '\n\n   \n', 'empty_file', 1],
  ['binary garbage with NUL bytes', () => garbage(4096, 7).toString('latin1'), 'yaml_binary', 1],
  ['binary garbage decoded as UTF-8', () => garbage(4096, 11).toString('utf8').replace(/\0/g, ''), 'yaml_syntax', 2],
  ['larger than 16 MiB', () => 'services:\n  a:\n    image: x\n# ' + 'x'.repeat(17 * 1024 * 1024) + '\n', 'file_too_large', 1],
  ['100k nested flow sequences', () => 'services: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n', 'yaml_too_deep', 1],
  ['100k nested flow mappings', () => 'services:\n  a: ' + '{a: '.repeat(100_000) + '1' + '}'.repeat(100_000), 'yaml_too_deep', 2],
  ['100k compact block sequences', () => 'services:\n  a:\n    x-deep: ' + '\n      ' + '- '.repeat(100_000) + 'x\n', 'yaml_too_deep', 4],
  ['block nesting by indentation', () => Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n'), 'yaml_too_deep', 101],
  ['billion laughs', billionLaughs, 'yaml_alias_bomb', 5],
  ['merge-key bomb', mergeKeyBomb, 'yaml_alias_bomb', 7],
  ['tab indentation', () => 'services:\n\tweb:\n\t\timage: x\n', 'yaml_syntax', 2],
  ['truncated mid-string', () => 'services:\n  web:\n    image: "ngi', 'yaml_syntax', 3],
  ['unclosed flow mapping', () => 'services: {web: {image: x\n', 'yaml_syntax', 2],
  ['two documents', () => 'services: {}\n---\nservices: {}\n', 'yaml_syntax', 2],
  ['duplicate top-level key', () => 'services: {}\nname: a\nservices: {}\n', 'yaml_duplicate_key', 3],
  ['top level is a list', () => '- a\n- b\n', 'not_a_mapping', 1],
  ['top level is a scalar', () => '42\n', 'not_a_mapping', 1],
  ['undefined alias', () => 'services:\n  a: *nope\n', 'yaml_alias_unknown', 2],
  ['merge key of a scalar', () => 'x: &x 1\nservices:\n  a:\n    <<: *x\n', 'yaml_merge_not_mapping', 4],
  ['service is a list', () => 'services:\n  web:\n    - image: x\n', 'schema_type', 3],
  ['unknown key', () => 'services:\n  web:\n    image: x\n    imagee: y\n', 'schema_unknown_key', 4],
];

describe('hostile input: a located error, fast, never a throw', () => {
  it.each(HOSTILE)('%s', (_name, make, code, line) => {
    const text = make();
    const { result, ms } = timed(text);
    const hit = result.diagnostics.find((d) => d.code === code);
    expect(hit, JSON.stringify(result.diagnostics.slice(0, 3))).toBeDefined();
    expect(hit!.range?.line).toBe(line);
    expect(hit!.range?.file).toBe('compose.yaml');
    expect(ms).toBeLessThan(5000);
  }, 30_000);

  it('a bomb in a non-compose key is stopped as well, and the budget is not hit by honest aliases', () => {
    const services = Array.from({ length: 300 }, (_, i) => `  s${i}:\n    <<: *base\n    image: img${i}`).join('\n');
    const honest = `x-base: &base\n  restart: always\n  environment: {A: "1", B: "2"}\n  labels: {a: b}\nservices:\n${services}\n`;
    expect(load(honest).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('every prefix of a real compose file (truncation anywhere)', () => {
  const text = readFileSync(path.join(ROOT, 'fixtures/parser/bad/many-errors-at-once.yaml'), 'utf8') + readFileSync(path.join(ROOT, 'fixtures/parser/semantic/cycle-three.yaml'), 'utf8').replace(/^.*\n/, '');
  it('loads or reports, never throws', () => {
    for (let n = 0; n <= text.length; n++) {
      const r = load(text.slice(0, n));
      for (const d of r.diagnostics) expect(d.code).toMatch(/^[a-z_]+$/);
    }
  });
});

const TOKENS = [
  'services:', 'web:', 'image: x', 'ports:', '- ', '  ', '    ', '\n', '\t', ': ', '[', ']', '{', '}', ',', '&a ', '*a', '<<: ',
  '!reset ', '!override ', '"', "'", '#', '${', '$$', '${A:-x}', '${A:?err}', '}', '---', '? ', '|', '>', 'depends_on:', 'networks:',
  'volumes:', 'extends:', 'include:', 'profiles:', 'null', '~', '0x1F', '1e3', 'true', '\u0085', '\uFEFF', '\r\n',
];
const yamlish = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((xs) => xs.join(''));

const SERVICE_KEYS = ['image', 'build', 'ports', 'volumes', 'environment', 'depends_on', 'networks', 'command', 'healthcheck', 'deploy', 'links', 'network_mode', 'extends', 'profiles', 'secrets', 'configs', 'labels', 'env_file', 'container_name', 'scale', 'x-any'];
const serviceish = fc.dictionary(fc.constantFrom(...SERVICE_KEYS), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
const projectish = fc.record(
  {
    services: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(serviceish, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 3 }),
    networks: fc.jsonValue({ maxDepth: 2 }),
    volumes: fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
    include: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ['services'] },
);

describe('property: load never throws and never hangs', () => {
  const check = (text: string) => {
    const { result, ms } = timed(text);
    expect(Array.isArray(result.diagnostics)).toBe(true);
    expect(ms).toBeLessThan(3000);
  };

  it('on random YAML-ish text', () => {
    fc.assert(fc.property(yamlish, check), { numRuns: 400 });
  }, 60_000);

  it('on random compose-shaped structures', () => {
    fc.assert(fc.property(projectish, (p) => check(stringify(p))), { numRuns: 300 });
  }, 60_000);

  it('on random interpolation strings in values', () => {
    const interp = fc.array(fc.oneof(fc.constantFrom('$', '{', '}', ':', '-', '?', '+', 'A', '_', '$$', '${', ':-', ':?'), fc.string({ maxLength: 3 })), { maxLength: 20 }).map((xs) => xs.join(''));
    fc.assert(fc.property(interp, (s) => check(stringify({ services: { a: { image: s, environment: { X: s }, command: s } } }))), { numRuns: 300 });
  }, 60_000);
});

describe('findDeepNesting', () => {
  it.each([
    ['flat file', 'services:\n  a:\n    image: x\n', undefined],
    ['brackets inside quotes do not count', `a: "${'['.repeat(500)}"\n`, undefined],
    ['brackets inside comments do not count', `a: 1 # ${'{'.repeat(500)}\n`, undefined],
    ['deep flow', 'a: ' + '['.repeat(200), 3 + 99],
    ['nesting after a stray quote in a plain scalar', "a: [b ', " + '['.repeat(1000), 9 + 499],
  ])('%s', (_name, text, offset) => {
    expect(findDeepNesting(text)).toBe(offset);
  });

  it('accepts every awesome-compose file', () => {
    const dir = path.join(ROOT, '../shared/corpus/awesome-compose');
    for (const d of readdirSync(dir)) {
      for (const f of readdirSync(path.join(dir, d)).filter((x) => /\.ya?ml$/.test(x))) {
        expect(findDeepNesting(readFileSync(path.join(dir, d, f), 'utf8')), `${d}/${f}`).toBeUndefined();
      }
    }
  });
});
