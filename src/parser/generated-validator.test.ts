/** The schema is compiled at build time: the committed module is fresh and needs no ajv compiler. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { generate } from '../../scripts/gen-schema-validator.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GENERATED = path.join(ROOT, 'src/parser/generated/compose-validator.js');

describe('generated compose validator', () => {
  it('is up to date with schemas/compose-spec.json (run `npm run build` to refresh it)', () => {
    const { js } = generate() as { js: string };
    expect(readFileSync(GENERATED, 'utf8') === js).toBe(true);
  });

  it('imports only ajv runtime helpers, never the ajv compiler', () => {
    const imports = [...readFileSync(GENERATED, 'utf8').matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(imports.every((m) => m!.startsWith('ajv/dist/runtime/'))).toBe(true);
    expect(readFileSync(GENERATED, 'utf8')).not.toMatch(/require\(/);
  });

  it('is a draft-07 schema that covers every service attribute of the Compose Specification', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/compose-spec.json'), 'utf8'));
    const service = Object.keys(schema.definitions.service.properties);
    for (const attr of ['build', 'deploy', 'develop', 'depends_on', 'healthcheck', 'networks', 'ports', 'volumes', 'secrets', 'configs', 'pre_start', 'post_start', 'pre_stop', 'provider', 'models', 'gpus', 'use_api_socket', 'label_file']) {
      expect(service).toContain(attr);
    }
    expect(Object.keys(schema.properties).sort()).toEqual(['configs', 'include', 'models', 'name', 'networks', 'secrets', 'services', 'version', 'volumes']);
  });
});
