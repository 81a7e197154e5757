import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashableService, stableStringify } from '../../model/config-hash.js';
import type { IncludedValues, Project, ServiceConfig } from '../../model/project.js';
import { buildContainerSpec } from './index.js';

interface Case extends Partial<Omit<Project, 'services'>> {
  name: string;
  services: Record<string, Partial<ServiceConfig>>;
  service: string;
  previousMounts?: { type: string; name?: string; destination: string }[];
  expect: Record<string, unknown>;
  extraNetworks?: unknown[];
  unapplied?: string[];
  /** The project environment (default empty). */
  environment?: Record<string, string>;
  includedValues?: IncludedValues;
  files?: unknown[];
}

const FIXTURE = path.resolve(__dirname, '../../../fixtures/executor/container-body.yaml');
const cases = parse(readFileSync(FIXTURE, 'utf8')) as Case[];

function toProject(c: Case): Project {
  const services = Object.fromEntries(
    Object.entries(c.services).map(([n, s]) => [n, { command: null, entrypoint: null, ...s } as ServiceConfig]),
  );
  return { name: 'p', services, networks: c.networks, volumes: c.volumes, secrets: c.secrets, configs: c.configs };
}

describe('buildContainerSpec', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const project = toProject(c);
    const svc = project.services[c.service]!;
    const spec = buildContainerSpec({
      project, workingDir: '/proj', configFiles: ['/proj/compose.yaml'], service: c.service, svc, number: 1,
      containerName: `p-${c.service}-1`, imageId: 'sha256:abc', configHash: 'HASH', version: '0.1.0',
      containersOf: (s) => [`id-${s}-1`], namesOf: (s) => [`p-${s}-1`], previousMounts: c.previousMounts,
      environment: c.environment ?? {}, includedValues: c.includedValues,
    });
    expect(spec.files).toEqual(c.files ?? []);
    expect(spec.body).toMatchObject(c.expect);
    if (c.extraNetworks) expect(spec.extraNetworks).toEqual(c.extraNetworks);
    for (const u of c.unapplied ?? []) expect(spec.unapplied.filter((w) => w.startsWith(u))).toHaveLength(1);
    if (!c.unapplied) expect(spec.unapplied).toEqual([]);
    // The planner diffs this label against the desired service: it must be the hashable service.
    expect(spec.body.Labels['ncompose.service-config']).toBe(stableStringify(hashableService(svc)));
  });

  it('a secret from an unset environment variable is an error naming both', () => {
    const svc = { command: null, entrypoint: null, image: 'busybox', secrets: [{ source: 'token' }] } as ServiceConfig;
    const project: Project = { name: 'p', services: { x: svc }, secrets: { token: { name: 'p_token', environment: 'API_TOKEN' } } };
    const build = () => buildContainerSpec({
      project, workingDir: '/proj', configFiles: [], service: 'x', svc, number: 1, containerName: 'p-x-1', configHash: 'H', version: '0.1.0',
      containersOf: () => [], namesOf: () => [], environment: {},
    });
    expect(build).toThrow('secret token: environment variable API_TOKEN is not set');
  });

  it('a secret from environment in a read-only container is an error, not the engine\'s refusal', () => {
    const svc = { command: null, entrypoint: null, image: 'busybox', read_only: true, secrets: [{ source: 'token' }] } as ServiceConfig;
    const project: Project = { name: 'p', services: { x: svc }, secrets: { token: { name: 'p_token', environment: 'API_TOKEN' } } };
    const build = () => buildContainerSpec({
      project, workingDir: '/proj', configFiles: [], service: 'x', svc, number: 1, containerName: 'p-x-1', configHash: 'H', version: '0.1.0',
      containersOf: () => [], namesOf: () => [], environment: { API_TOKEN: 'v' },
    });
    expect(build).toThrow('secret token: cannot be written into a read-only root filesystem (read_only: true); use a file-based secret');
  });
});
