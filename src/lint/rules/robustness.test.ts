/**
 * Rules run on whatever the loader could read, also when the schema check failed: any shape
 * at any service key must not crash a rule (a crash is an InternalError, i.e. a bug).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixText, lintText, type LintTextOptions } from '../testing.js';
import { RULES } from './index.js';

const KEYS = [
  'image', 'build', 'ports', 'volumes', 'environment', 'env_file', 'depends_on', 'links', 'networks', 'network_mode',
  'secrets', 'configs', 'security_opt', 'cap_add', 'cap_drop', 'devices', 'user', 'privileged', 'healthcheck',
  'deploy', 'logging', 'container_name', 'scale', 'volumes_from', 'pid', 'ipc', 'restart', 'pull_policy',
];
const TOP = ['services', 'networks', 'volumes', 'secrets', 'configs', 'version', 'name', 'x-any'];

const scalar = fc.oneof(
  fc.constantFrom('', 'web', 'db', 'host', 'ALL', 'service:web', '80:80', '/var/run/docker.sock:/s', 'a=b', '${X}', '${X:-1}', 'data:/d', 'root', '0'),
  fc.integer({ min: -1, max: 70000 }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...KEYS, 'source', 'target', 'published', 'condition', 'test', 'disable', 'path'), tie('v'), { maxKeys: 3 })),
})).v;
const service = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 });
const project = fc.record(
  {
    services: fc.dictionary(fc.constantFrom('web', 'db', 'api', 'x'), fc.oneof(service, scalar), { maxKeys: 3 }),
    other: fc.dictionary(fc.constantFrom(...TOP.slice(1)), value, { maxKeys: 3 }),
  },
  { requiredKeys: ['services'] },
);

const opts: LintTextOptions = { rules: RULES, config: { preset: 'strict' } };

describe('rules on arbitrary shapes', () => {
  it('never crash, and --fix stays stable', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(project, (p) => {
        const yaml = stringify({ ...(p.other ?? {}), services: p.services });
        const findings = lintText(yaml, opts);
        expect(Array.isArray(findings)).toBe(true);
        const fixed = fixText(yaml, opts);
        expect(fixText(fixed, opts)).toBe(fixed);
      }),
      { numRuns: 200, seed: 20261122 },
    );
  });
});
