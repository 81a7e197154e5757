import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { substitute } from './template.js';

interface Case {
  name: string;
  template: string;
  env?: Record<string, string>;
  value?: string;
  unset?: string[];
  error?: 'invalid' | 'required';
  variable?: string;
  reason?: string;
}

const BASE_ENV: Record<string, string> = { FOO: 'first', BAR: '', JSON: '{"json":2}' };
const cases = parse(readFileSync(new URL('../../fixtures/parser/interpolation/template-cases.yaml', import.meta.url), 'utf8')) as Case[];

describe('substitute (compose-go template semantics)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const env = { ...BASE_ENV, ...c.env };
    const r = substitute(c.template, (k) => (k in env ? env[k] : undefined));
    if (c.error) {
      expect(r.errors[0]?.kind).toBe(c.error);
      if (c.variable !== undefined) expect(r.errors[0]?.variable).toBe(c.variable);
      if (c.reason !== undefined) expect(r.errors[0]?.reason).toBe(c.reason);
      return;
    }
    expect(r.errors).toEqual([]);
    expect(r.value).toBe(c.value);
    expect(r.unset).toEqual(c.unset ?? []);
  });

  it('marks templates that reference variables, not those with only $$', () => {
    expect(substitute('$$x', () => undefined).hasVariables).toBe(false);
    expect(substitute('${A:-x}', () => 'a').hasVariables).toBe(true);
    expect(substitute('plain', () => undefined).hasVariables).toBe(false);
  });

  it('survives nesting deeper than the stack', () => {
    const deep = '${A:-'.repeat(5000) + 'x' + '}'.repeat(5000);
    const r = substitute(deep, () => undefined);
    expect(r.errors[0]?.kind).toBe('invalid');
  });

  it('is linear on long unterminated input', () => {
    const s = '${A:-'.repeat(20000);
    const t0 = Date.now();
    substitute(s, () => undefined);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('substitute (property)', () => {
  const alphabet = ['$', '{', '}', ':', '-', '+', '?', 'A', 'b', '_', '1', ' ', '\n', 'x', '"'];
  const templates = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }).map((xs) => xs.join('')),
  );
  const envs = fc.dictionary(fc.constantFrom('A', 'b', '_', 'FOO', 'x'), fc.oneof(fc.constant(''), fc.string({ maxLength: 5 })));

  it('never throws, returns strings, and only its own error kinds', () => {
    fc.assert(
      fc.property(templates, envs, (t, env) => {
        const r = substitute(t, (k) => (Object.prototype.hasOwnProperty.call(env, k) ? env[k] : undefined));
        expect(typeof r.value).toBe('string');
        for (const e of r.errors) expect(['invalid', 'required']).toContain(e.kind);
        for (const u of r.unset) expect(Object.prototype.hasOwnProperty.call(env, u)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('is the identity on text without $', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('$')), (s) => {
        const r = substitute(s, () => 'X');
        expect(r).toEqual({ value: s, unset: [], errors: [], hasVariables: false });
      }),
    );
  });

  it('$$ always escapes', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('$')), (s) => {
        expect(substitute('$$' + s, () => 'X').value).toBe('$' + s);
      }),
    );
  });
});
