/** Meta-tests over the registry: names, files, docs, presets and fixtures agree. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from './index.js';
import { FIXTURES } from './_fixtures.js';

const RULES_DIR = __dirname;
const DOCS = path.resolve(__dirname, '../../../docs/rules');
const ruleFiles = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_') && !f.endsWith('.test.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();

describe('rule registry', () => {
  it('has at least 40 rules, sorted by name, one per file', () => {
    const names = RULES.map((r) => r.name);
    expect(names.length).toBeGreaterThanOrEqual(40);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(ruleFiles);
  });

  it.each(RULES.map((r) => [r.name, r] as const))('%s: meta is complete and consistent', async (name, rule) => {
    const mod = (await import(`./${name}.js`)) as { default: typeof rule };
    expect(mod.default).toBe(rule);
    expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.meta.docs.description.length).toBeGreaterThan(20);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    expect(rule.meta.presets.length).toBeGreaterThan(0);
    if (rule.meta.category === 'style') {
      expect(rule.meta.presets).toEqual(['strict']);
      expect(rule.meta.fixable).toBe(true);
    }
    if (rule.meta.category === 'correctness') expect(rule.meta.presets).toContain('recommended');
    if (rule.meta.options) expect(rule.meta.defaultOptions).toBeDefined();
  });

  it.each(RULES.map((r) => [r.name, r] as const))('%s: has a doc with every section', (name, rule) => {
    const file = path.join(DOCS, `${name}.md`);
    expect(existsSync(file)).toBe(true);
    const doc = readFileSync(file, 'utf8');
    expect(doc.startsWith(`# ${name}\n`)).toBe(true);
    for (const h of ['## Bad', '## Good', '## Why', '## Options', '## When to turn it off']) expect(doc).toContain(h);
    if (rule.meta.options) for (const k of Object.keys((rule.meta.options.properties as object) ?? {})) expect(doc).toContain(`\`${k}\``);
  });

  it.each(RULES.map((r) => [r.name, r] as const))('%s: has valid and invalid fixtures (and a fix output when fixable)', (name, rule) => {
    const files = readdirSync(path.join(FIXTURES, name));
    expect(files.some((f) => f.startsWith('valid') && f.endsWith('.yaml'))).toBe(true);
    expect(files.some((f) => f.startsWith('invalid') && f.endsWith('.yaml'))).toBe(true);
    if (rule.meta.fixable) expect(files.some((f) => f.endsWith('.fixed.yaml'))).toBe(true);
  });
});

describe('style orders know every key of the compose schema', () => {
  const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../../schemas/compose-spec.json'), 'utf8')) as {
    properties: Record<string, unknown>;
    definitions: { service: { properties: Record<string, unknown> } };
  };

  it('service-key-order ranks every service key, each once, merge key first', async () => {
    const { SERVICE_KEY_ORDER } = await import('./service-key-order.js');
    expect(new Set(SERVICE_KEY_ORDER).size).toBe(SERVICE_KEY_ORDER.length);
    expect(SERVICE_KEY_ORDER[0]).toBe('<<');
    const missing = Object.keys(schema.definitions.service.properties).filter((k) => !SERVICE_KEY_ORDER.includes(k));
    expect(missing).toEqual([]);
  });

  it('top-level-key-order ranks every top-level key', async () => {
    const { TOP_LEVEL_ORDER } = await import('./top-level-key-order.js');
    expect(Object.keys(schema.properties).filter((k) => !TOP_LEVEL_ORDER.includes(k))).toEqual([]);
  });
});
