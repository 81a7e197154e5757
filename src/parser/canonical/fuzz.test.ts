import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../load.js';
import type { RawMap } from '../types.js';
import { SERVICE_TABLE } from './service-table.js';
import { canonicalize } from './index.js';

// The canonical stage normally sees schema-valid input; with any value at any attribute it must
// still report, never throw (schema validation can be incomplete, --no-interpolate keeps `${}`).
const ATTRIBUTES = [...new Set(SERVICE_TABLE.map(([p]) => p.split('.')[2]!))];
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('80:80', './x:/y', '${V}:/z', '1m', '512m', 'a=b', '"'));
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('target', 'source', 'type', 'path', 'condition', 'test', 'x', 'name', 'external', 'bind', 'soft'), tie('v'), { maxKeys: 4 })),
})).v;
const service = fc.dictionary(fc.constantFrom(...ATTRIBUTES, 'image', 'network_mode', 'links', 'volumes_from'), value, { maxKeys: 6 });
const resources = fc.dictionary(fc.constantFrom('a', 'default'), fc.oneof(fc.constant(null), value), { maxKeys: 2 });
const project = fc.record({ services: fc.dictionary(fc.constantFrom('web', 'db'), service, { maxKeys: 2 }), networks: resources, volumes: resources, secrets: resources });

describe('canonicalize never throws', () => {
  it.each([true, false])('interpolate: %s', (interpolate) => {
    fc.assert(
      fc.property(project, (raw) => {
        const ctx = createContext({ interpolate, cwd: '/tmp', env: { HOME: '/home/x' } });
        ctx.workingDir = '/tmp/p';
        const out = canonicalize(raw as unknown as RawMap, ctx, 'p');
        expect(out.name).toBe('p');
        for (const d of ctx.diagnostics) expect(d.code).toMatch(/^[a-z_]+$/);
      }),
      { numRuns: 400 },
    );
  });
});
