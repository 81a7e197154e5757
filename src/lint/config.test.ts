import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRuleFlag, resolveConfig, type LintConfig } from './config.js';
import { loadLintConfig, validateLintConfig } from './config-file.js';
import { lintText } from './testing.js';
import { loadErrorRule, portRule, privilegedRule, quoteImageRule } from './test-support/doubles.js';

const registry = [loadErrorRule, portRule, privilegedRule, quoteImageRule];
const levels = (c: LintConfig, over = {}) =>
  Object.fromEntries(resolveConfig(c, registry, over).config.settings.map((s) => [s.rule.name, s.severity]));

describe('presets and rule levels', () => {
  it.each<[string, LintConfig, Record<string, string>]>([
    ['recommended (default)', {}, { 'test-load-error': 'error', 'test-port': 'warning', 'test-privileged': 'error' }],
    ['strict', { preset: 'strict' }, { 'test-load-error': 'error', 'test-quote-image': 'warning' }],
    ['security', { preset: 'security' }, { 'test-load-error': 'error', 'test-port': 'warning', 'test-privileged': 'error' }],
    ['level change', { rules: { 'test-port': 'error' } }, { 'test-load-error': 'error', 'test-port': 'error', 'test-privileged': 'error' }],
    ['off', { rules: { 'test-port': 'off', 'test-privileged': ['warning', { allow: [] }] } }, { 'test-load-error': 'error', 'test-privileged': 'warning' }],
    ['turn on a style rule', { rules: { 'test-quote-image': { level: 'info' } } }, { 'test-load-error': 'error', 'test-port': 'warning', 'test-privileged': 'error', 'test-quote-image': 'info' }],
  ])('%s', (_n, config, expected) => {
    expect(levels(config)).toEqual(expected);
  });

  it('--rule overrides the config', () => {
    expect(levels({ rules: { 'test-port': 'error' } }, { 'test-port': 'off' })).not.toHaveProperty('test-port');
  });

  it.each([
    [{ rules: { 'no-such-rule': 'error' } }, 'lint_config_unknown_rule'],
    [{ exclude: [{ service: 'a', rules: ['nope'], reason: 'r' }] }, 'lint_config_unknown_rule'],
    [{ rules: { 'test-privileged': ['error', { allow: 'a' }] } }, 'lint_config_rule_options'],
    [{ rules: { 'test-privileged': ['error', { bogus: 1 }] } }, 'lint_config_rule_options'],
  ] as [LintConfig, string][])('rejects %j', (config, code) => {
    expect(resolveConfig(config, registry).diagnostics.map((d) => d.code)).toEqual([code]);
  });

  it.each([
    ['name:off', ['name', 'off']],
    ['a-b:warn', ['a-b', 'warning']],
    ['x:error', ['x', 'error']],
    ['x', undefined],
    ['x:loud', undefined],
  ])('parseRuleFlag(%j)', (s, expected) => {
    expect(parseRuleFlag(s)).toEqual(expected);
  });
});

describe('per-service excludes', () => {
  const yaml = 'services:\n  a:\n    image: x\n    privileged: true\n  b:\n    image: x\n    privileged: true\n';
  it.each([
    [[{ service: 'a', rules: ['test-privileged'], reason: 'needs /dev' }], ['b']],
    [[{ service: 'b', reason: 'legacy' }], ['a']],
    [[{ service: 'c', reason: 'absent' }], ['a', 'b']],
  ])('%j', (exclude, services) => {
    expect(lintText(yaml, { rules: [privilegedRule], exclude }).map((f) => f.service)).toEqual(services);
  });
});

describe('config file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ncompose-lint-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [{ preset: 'strict', rules: { 'x-y': 'off' }, exclude: [{ service: 'a', reason: 'why' }] }, []],
    [{ preset: 'lax' }, ['/preset']],
    [{ rules: { x: 'loud' } }, ['/rules/x']],
    [{ exclude: [{ service: 'a' }] }, ['/exclude/0']],
    [{ bogus: true }, ['']],
  ])('schema: %j', (value, paths) => {
    const diags = validateLintConfig(value);
    expect([...new Set(diags.map((d) => '/' + (d.path ?? '').replace(/\./g, '/')))].map((p) => (p === '/' ? '' : p))).toEqual(paths);
  });

  it('finds ncompose.config.yaml upward, then package.json "ncompose"', () => {
    const sub = path.join(dir, 'a', 'b');
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', ncompose: { preset: 'security' } }));
    expect(loadLintConfig(sub)).toMatchObject({ config: { preset: 'security' }, file: path.join(dir, 'package.json') });
    writeFileSync(path.join(dir, 'a', 'ncompose.config.yaml'), 'preset: strict # comment\n');
    expect(loadLintConfig(sub)).toMatchObject({ config: { preset: 'strict' }, file: path.join(dir, 'a', 'ncompose.config.yaml'), diagnostics: [] });
    writeFileSync(path.join(dir, 'a', 'ncompose.config.yaml'), 'preset: [\n');
    expect(loadLintConfig(sub).diagnostics.map((d) => d.code)).toEqual(['lint_config_syntax']);
  });

  it('locates schema errors in the config file', () => {
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, 'preset: strict\nrules:\n  no-privileged: loud\nexclude:\n  - service: web\n');
    const diags = loadLintConfig(dir, 'bad.yaml').diagnostics;
    expect(diags.map((d) => [d.code, d.range?.line, d.range?.col])).toEqual([
      ['lint_config_invalid', 3, 18],
      ['lint_config_invalid', 5, 5],
    ]);
    writeFileSync(file.replace('.yaml', '.json'), '{\n  "preset": "lax"\n}\n');
    expect(loadLintConfig(dir, 'bad.json').diagnostics.map((d) => [d.range?.line, d.range?.col])).toEqual([[2, 13]]);
  });
});
