import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compare, readExpectations } from '../../test/unit/fixture-expectations.js';
import { createContext, loadProject } from './load.js';
import { collapse, parsePointer, validateSchema } from './validate-schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BAD = path.join(ROOT, 'fixtures/parser/bad');
const table = readdirSync(BAD)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => [f, readFileSync(path.join(BAD, f), 'utf8')] as const);

describe('bad input: fixtures/parser/bad (YAML and schema errors, located)', () => {
  it.each(table)('%s', (file, text) => {
    const expected = readExpectations(text);
    expect(expected, `${file} has no "# expect:" header`).toBeDefined();
    const result = loadProject({ files: [path.join(BAD, file)], cwd: BAD, env: {} });
    const [want, got] = compare(expected!, result.diagnostics);
    expect(got).toEqual(want);
    for (const d of result.diagnostics) expect(d.range?.file).toBe(file);
  });
});

describe('schema errors across several -f files', () => {
  it('are located in the file that wrote the offending node', () => {
    const base = '/v/compose.yaml';
    const override = '/v/compose.override.yaml';
    const result = loadProject({
      files: [base, override],
      cwd: '/v',
      env: {},
      overrides: { [base]: 'services:\n  web:\n    image: nginx\n    restart: always\n', [override]: 'services:\n  web:\n    restart: sometimes\n    helthcheck: {}\n' },
    });
    const got = result.diagnostics.map((d) => [d.code, d.range?.file, d.range?.line, d.range?.col, d.hint]);
    expect(got).toEqual([
      ['schema_unknown_key', 'compose.override.yaml', 4, 5, 'did you mean "healthcheck"?'],
      ['schema_format', 'compose.override.yaml', 3, 14, undefined],
    ]);
  });
});

describe('validateSchema', () => {
  const check = (raw: Record<string, unknown>) => {
    const ctx = createContext({ env: {} });
    validateSchema(raw as never, ctx);
    return ctx.diagnostics.map((d) => `${d.code} ${d.path}${d.hint ? ' ' + d.hint : ''}`);
  };

  it('accepts short and long syntax of the same attributes', () => {
    expect(
      check({
        services: {
          a: {
            image: 'x',
            ports: ['80', 8080, '127.0.0.1:8000-8010:8000-8010/udp', '[::1]:53:53/udp', { target: 80, published: '8080', protocol: 'tcp', mode: 'host' }],
            volumes: ['data:/data:ro', './src:/src', { type: 'tmpfs', target: '/tmp', tmpfs: { size: '64m' } }],
            environment: ['A=1', 'B'],
            depends_on: ['b'],
            networks: ['front'],
            build: '.',
            command: 'sh -c "true"',
            healthcheck: { test: 'true', interval: '1m30s', retries: 3 },
            ulimits: { nofile: { soft: 1024, hard: 2048 }, nproc: 512 },
            deploy: { replicas: 2, resources: { limits: { memory: '512M', cpus: '0.5' } } },
            extra_hosts: { 'host.docker.internal': 'host-gateway' },
            gpus: 'all',
            stop_grace_period: '10s',
            restart: 'on-failure:3',
            pull_policy: 'every_12h',
          },
          b: { image: 'x', depends_on: { a: { condition: 'service_healthy', required: false } }, networks: { front: { aliases: ['y'] }, back: null } },
        },
        networks: { front: null, back: { external: true } },
        volumes: { data: {} },
      }),
    ).toEqual([]);
  });

  it('accepts values that are not interpolated yet (config --no-interpolate)', () => {
    expect(check({ services: { a: { image: 'x', privileged: '${PRIV}', ports: ['${PORT}:80'], stop_grace_period: '$T' } } })).toEqual([]);
  });

  const svc = (extra: Record<string, unknown>) => ({ services: { a: { image: 'x', ...extra } } });
  it.each([
    ['boolean format', svc({ privileged: 'maybe' }), 'schema_format services.a.privileged'],
    ['integer format', svc({ scale: 'two' }), 'schema_format services.a.scale'],
    ['duplicate list item at the repeat', svc({ dns_opt: ['a', 'b', 'a'] }), 'schema_duplicate_item services.a.dns_opt.2'],
    ['expose format', svc({ expose: ['http'] }), 'schema_format services.a.expose.0'],
    ['ipv4 format', svc({ networks: { n: { ipv4_address: '10.0.0' } } }), 'schema_format services.a.networks.n.ipv4_address'],
    ['gpus string must be all', svc({ gpus: 'some' }), 'schema_pattern services.a.gpus'],
    ['empty short volume', svc({ volumes: [''] }), 'schema_empty services.a.volumes.0'],
    ['long volume without type', svc({ volumes: [{ source: 'a', target: '/a' }] }), 'schema_required services.a.volumes.0'],
    ['ulimit long form needs soft and hard', svc({ ulimits: { nofile: { soft: 1 } } }), 'schema_required services.a.ulimits.nofile'],
    ['unknown key in build', svc({ build: { context: '.', dockerfil: 'D' } }), 'schema_unknown_key services.a.build.dockerfil did you mean "dockerfile"?'],
    ['unknown key in deploy.resources', svc({ deploy: { resources: { limit: {} } } }), 'schema_unknown_key services.a.deploy.resources.limit did you mean "limits"?'],
    ['invalid network name', { services: {}, networks: { 'a b': null } }, 'schema_invalid_name networks.a b'],
    ['include needs a path', { include: [{ env_file: '.env' }], services: {} }, 'schema_required include.0'],
    ['model needs model', { models: { m: { name: 'x' } }, services: {} }, 'schema_required models.m'],
    ['project name pattern', { name: 'My Project', services: {} }, 'schema_pattern name'],
    ['enum value typo gets a hint', svc({ cgroup: 'hots' }), 'schema_enum services.a.cgroup did you mean "host"?'],
    ['a deploy key at service level says where it belongs', svc({ replicas: 2 }), 'schema_unknown_key services.a.replicas it belongs under deploy.replicas'],
  ])('%s', (_name, raw, expected) => {
    expect(check(raw)).toEqual([expected]);
  });

  it('collapses type alternatives into one message per node', () => {
    const ctx = createContext({ env: {} });
    validateSchema({ services: { a: { image: 'x', ports: [[1]] } } } as never, ctx);
    expect(ctx.diagnostics).toHaveLength(1);
    expect(ctx.diagnostics[0]!.code).toBe('schema_type');
    expect(ctx.diagnostics[0]!.message).toMatch(/integer, a string or a mapping/);
  });

  it('drops the fan-out of a composite keyword when a branch failed deeper', () => {
    const findings = collapse([
      { instancePath: '/a', schemaPath: '#/oneOf/0/type', keyword: 'type', params: { type: 'string' } },
      { instancePath: '/a/b', schemaPath: '#/oneOf/1/properties/b/type', keyword: 'type', params: { type: 'integer' } },
      { instancePath: '/a', schemaPath: '#/oneOf', keyword: 'oneOf', params: {} },
    ]);
    expect(findings.map((f) => [f.code, f.path.join('.')])).toEqual([['schema_type', 'a.b']]);
  });

  it('reports a composite keyword alone when nothing more specific failed', () => {
    const findings = collapse([{ instancePath: '/a', schemaPath: '#/anyOf', keyword: 'anyOf', params: {} }]);
    expect(findings.map((f) => f.code)).toEqual(['schema_invalid']);
  });

  it('parses JSON pointers into model paths', () => {
    expect(parsePointer('/services/a~1b/ports/0')).toEqual(['services', 'a/b', 'ports', 0]);
    expect(parsePointer('')).toEqual([]);
  });
});

describe('valid files pass both validations, and so does their canonical output (round trip)', () => {
  const VALID = path.join(ROOT, 'fixtures/parser/valid');
  it.each(readdirSync(VALID).filter((f) => f.endsWith('.yaml')))('%s', async (file) => {
    const { projectToYaml } = await import('../model/serialize.js');
    const first = loadProject({ files: [path.join(VALID, file)], cwd: VALID, env: { TOKEN: 't' } });
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const again = path.join(VALID, 'round-trip.yaml');
    const second = loadProject({ files: [again], cwd: VALID, env: { TOKEN: 't' }, overrides: { [again]: projectToYaml(first.project!) } });
    expect(second.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
