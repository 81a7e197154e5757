import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Project } from '../model/project.js';
import { createContext } from './load.js';
import { applyProfiles, globToRegExp } from './profiles.js';
import type { LoadOptions } from './types.js';

const dir = new URL('../../fixtures/parser/profiles/', import.meta.url);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -5))
  .sort();

interface Expected {
  options: Pick<LoadOptions, 'profiles' | 'services'>;
  env?: Record<string, string>;
  active?: string[];
  disabled?: string[];
  profiles?: string[];
  depends_on?: Record<string, string[]>;
  diagnostics?: string[];
}

describe('applyProfiles (fixtures)', () => {
  it.each(names)('%s', (name) => {
    const project = { name: 't', ...parse(readFileSync(new URL(`${name}.yaml`, dir), 'utf8')) } as Project;
    const want = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as Expected;
    const ctx = createContext({ ...want.options, env: {} });
    ctx.environment = { ...want.env };
    const r = applyProfiles(project, ctx);
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(want.diagnostics ?? []);
    if (want.active) expect(Object.keys(r.project.services).sort()).toEqual(want.active);
    if (want.disabled) expect(Object.keys(r.disabled).sort()).toEqual(want.disabled);
    if (want.profiles) expect(r.activeProfiles).toEqual(want.profiles);
    for (const [svc, deps] of Object.entries(want.depends_on ?? {})) {
      expect(Object.keys(r.project.services[svc]!.depends_on ?? {}).sort()).toEqual(deps);
    }
    // Top-level resources are never dropped.
    expect(Object.keys(r.project).sort()).toEqual(Object.keys(project).sort());
  });
});

describe('globToRegExp (Go filepath.Match)', () => {
  it.each([
    ['web', 'web', true],
    ['web', 'web2', false],
    ['w*', 'web', true],
    ['w?b', 'web', true],
    ['[a-c]*', 'backend', true],
    ['[^a-c]*', 'backend', false],
    ['we\\b', 'web', true],
    ['[', '[', false],
  ] as const)('%s ~ %s → %s', (pattern, name, match) => {
    expect(globToRegExp(pattern).test(name)).toBe(match);
  });
});
