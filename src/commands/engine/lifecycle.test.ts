import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../engine/engine.js';
import type { Project } from '../../model/project.js';
import { lifecyclePlan } from './lifecycle.js';

const svc = (deps: Record<string, 'service_started' | 'service_healthy'> = {}) => ({
  command: null, entrypoint: null, image: 'x',
  depends_on: Object.fromEntries(Object.entries(deps).map(([k, c]) => [k, { condition: c, required: true }])),
});
const project: Project = { name: 'p', services: { db: svc(), api: svc({ db: 'service_healthy' }), web: svc({ api: 'service_started' }) } };
const c = (service: string): ContainerSummary => ({
  id: `id-${service}`, name: `p-${service}-1`, image: 'x', imageId: 'sha256:x', state: 'running', status: 'Up',
  labels: { 'com.docker.compose.service': service }, created: 0, networks: [], ports: [],
});
const all = [c('web'), c('api'), c('db')];

describe('lifecyclePlan', () => {
  it('start: dependencies first, with their depends_on conditions', () => {
    const p = lifecyclePlan(project, all, ['start']);
    const api = p.actions.find((a) => a.service === 'api')!;
    expect(api.dependsOn).toEqual(['start:p-db-1']);
    expect(api.waitFor).toEqual([{ action: 'start:p-db-1', service: 'db', condition: 'service_healthy', required: true }]);
  });

  it('stop: dependents first', () => {
    const p = lifecyclePlan(project, all, ['stop']);
    expect(p.actions.find((a) => a.service === 'db')!.dependsOn).toEqual(['stop:p-api-1']);
    expect(p.actions.find((a) => a.service === 'web')!.dependsOn).toEqual([]);
  });

  it('restart: each start after its own stop and its dependencies starts', () => {
    const p = lifecyclePlan(project, all, ['stop', 'start']);
    expect(p.actions.find((a) => a.id === 'start:p-api-1')!.dependsOn.sort()).toEqual(['start:p-db-1', 'stop:p-api-1']);
    expect(p.summary).toMatchObject({ start: 3, stop: 3 });
  });
});
