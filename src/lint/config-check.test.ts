/** The direct config check agrees with ajv on schemas/lint-config.schema.json, for generated configs. */
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import schema from '../../schemas/lint-config.schema.json' with { type: 'json' };
import { conformsToConfigSchema } from './config-check.js';

const ajv = new Ajv({ allErrors: true, strict: false }).compile(schema);

const anyValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.constantFrom('', 'x', 'error', 'warning', 'info', 'off', 'strict'), fc.constant([]), fc.constant({}));
/** Mostly good, sometimes anything: configs near the edge of the schema, valid often enough to matter. */
const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: anyValue, weight: 1 });
const level = mostly(fc.constantFrom('error', 'warning', 'info', 'off'));
const options = mostly(fc.dictionary(fc.constantFrom('quote', 'a'), anyValue, { maxKeys: 2 }));
const entry = fc.oneof(
  level,
  fc.array(fc.oneof(level, options), { maxLength: 3 }),
  fc.tuple(level, options).map(([l, o]) => [l, o]),
  fc.tuple(level, options, anyValue).map(([l, o, x]) => [l, o, x]),
  fc.tuple(level).map(([l]) => [l]),
  fc.record({ level, options }, { requiredKeys: [] }),
  fc.record({ level, options, other: anyValue }, { requiredKeys: ['other'] }),
);
const ruleName = fc.oneof({ arbitrary: fc.constantFrom('no-privileged', 'quoted-ports', 'a1-b2'), weight: 6 }, { arbitrary: fc.constantFrom('Bad', 'no--x', '-x', 'x-', '', 'a_b'), weight: 1 });
const str = mostly(fc.constantFrom('web', 'why', 'no-privileged'));
const exclude = mostly(
  fc.oneof(
    fc.record({ service: str, rules: mostly(fc.array(str, { maxLength: 2 })), reason: str }, { requiredKeys: ['service', 'reason'] }),
    fc.record({ service: str, rules: fc.array(str, { maxLength: 2 }), reason: str, extra: anyValue }, { requiredKeys: [] }),
  ),
);
const config = mostly(
  fc.oneof(
    fc.record(
      {
        $schema: mostly(fc.constant('./schema.json')),
        preset: mostly(fc.constantFrom('recommended', 'strict', 'security', 'loose')),
        rules: mostly(fc.dictionary(ruleName, entry, { maxKeys: 3 })),
        exclude: mostly(fc.array(exclude, { maxLength: 2 })),
        reportUnusedDirectives: level,
      },
      { requiredKeys: [] },
    ),
    fc.record({ preset: fc.constant('strict'), unknown: anyValue }),
  ),
);

describe('conformsToConfigSchema', () => {
  it.each<[string, unknown, boolean]>([
    ['empty', {}, true],
    ['typical', { preset: 'strict', rules: { 'quoted-ports': ['error', { quote: 'single' }], 'no-privileged': 'off', 'sorted-ports': { level: 'info' } }, exclude: [{ service: 'db', rules: ['no-root-user'], reason: 'vendor image' }] }, true],
    ['unknown key', { presets: 'strict' }, false],
    ['bad level', { rules: { 'no-privileged': 'fatal' } }, false],
    ['exclude without reason', { exclude: [{ service: 'db' }] }, false],
    ['not an object', ['strict'], false],
  ])('%s', (_n, value, expected) => {
    expect(conformsToConfigSchema(value)).toBe(expected);
    expect(ajv(value)).toBe(expected);
  });

  it('agrees with ajv (property)', () => {
    let valid = 0;
    fc.assert(
      fc.property(config, (value) => {
        const expected = ajv(value);
        if (expected) valid++;
        expect(conformsToConfigSchema(value)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
    expect(valid).toBeGreaterThan(200);
  });
});
