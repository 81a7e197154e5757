import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ruleDoc } from './explain.js';
import { COMPOSE_FILE_NAME, resolveTargets } from './targets.js';

describe('lint targets', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nclint-targets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of ['compose.yaml', 'b/docker-compose.yml', 'b/compose.override.yaml', 'a/compose.prod.yml', 'c/notes.yaml', '.hidden/compose.yaml', 'node_modules/m/compose.yaml']) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), 'services: {}\n');
  }

  it.each([
    ['compose.yaml', true],
    ['docker-compose.yml', true],
    ['compose.override.yaml', true],
    ['docker-compose.prod.yaml', true],
    ['mycompose.yaml', false],
    ['compose.json', false],
  ])('COMPOSE_FILE_NAME %s → %s', (name, ok) => {
    expect(COMPOSE_FILE_NAME.test(name)).toBe(ok);
  });

  it('a directory: compose files, sorted, this level first, hidden and node_modules skipped', () => {
    const r = resolveTargets(['.'], dir);
    expect(r.files.map((f) => path.relative(dir, f))).toEqual(['compose.yaml', 'a/compose.prod.yml', 'b/compose.override.yaml', 'b/docker-compose.yml']);
  });

  it('a file is taken as given (any name); missing paths are reported; duplicates dropped', () => {
    const r = resolveTargets(['c/notes.yaml', 'compose.yaml', '.', 'nope.yaml'], dir);
    expect(r.missing).toEqual(['nope.yaml']);
    expect(r.files.map((f) => path.relative(dir, f))).toEqual(['c/notes.yaml', 'compose.yaml', 'a/compose.prod.yml', 'b/compose.override.yaml', 'b/docker-compose.yml']);
  });

  it('--explain finds docs/rules/RULE.md and refuses path tricks', () => {
    expect(ruleDoc('no-privileged')).toMatch(/^# /);
    expect(ruleDoc('../lint')).toBeUndefined();
    expect(ruleDoc('no-such-rule')).toBeUndefined();
  });
});
