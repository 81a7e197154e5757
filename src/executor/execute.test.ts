import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../engine/engine.js';
import type { Project, ServiceConfig } from '../model/project.js';
import type { Plan, PlanAction, WaitCondition } from '../planner/plan-types.js';
import { execute } from './execute.js';
import { FakeEngine } from './fake-engine.js';
import type { ProgressEvent } from './progress.js';

const svc = (s: Partial<ServiceConfig> = {}): ServiceConfig => ({ command: null, entrypoint: null, image: 'busybox', ...s });

function container(service: string, deps: string[] = [], extra: Partial<PlanAction> = {}): PlanAction {
  return {
    id: `container:${service}-1`, action: 'create', type: 'container', name: `p-${service}-1`, service, number: 1,
    cause: 'missing', changes: [], dependsOn: ['network:default', ...deps.map((d) => `container:${d}-1`)],
    details: { configHash: 'h' }, ...extra,
  };
}

function waitOn(dep: string, condition: WaitCondition, required = true): NonNullable<PlanAction['waitFor']>[number] {
  return { action: `container:${dep}-1`, service: dep, condition, required };
}

const network: PlanAction = { id: 'network:default', action: 'create', type: 'network', name: 'p_default', cause: 'missing', changes: [], dependsOn: [], details: { key: 'default' } };

function plan(actions: PlanAction[]): Plan {
  const summary = { create: 0, recreate: 0, remove: 0, start: 0, stop: 0, pull: 0, build: 0, noop: 0 };
  return { formatVersion: 1, project: 'p', command: 'up', fingerprint: 'x', actions, summary };
}

const empty = (): Snapshot => ({ project: 'p', containers: [], networks: [], volumes: [], images: { busybox: 'sha256:busybox' } });

async function run(engine: FakeEngine, project: Project, actions: PlanAction[], snapshot = empty(), parallel = 0) {
  const events: ProgressEvent[] = [];
  const warnings: string[] = [];
  const result = await execute({
    engine, plan: plan(actions), project, workingDir: '/p', configFiles: ['/p/compose.yaml'], environment: {}, snapshot,
    options: { version: '0.1.0', parallel }, onProgress: (e) => events.push(e), onWarning: (w) => warnings.push(w),
  });
  return { result, events, warnings };
}

describe('execute', () => {
  it('creates every container before the first dependency has started, and starts in dependency order', async () => {
    const engine = new FakeEngine();
    engine.scripts = { migrate: { exitCode: 0, after: 20 }, db: { health: 'healthy', after: 20 } };
    const project: Project = {
      name: 'p',
      services: {
        db: svc({ healthcheck: { test: ['CMD', 'true'], interval: '100ms' } }),
        migrate: svc(),
        api: svc(),
        web: svc(),
      },
    };
    const actions = [
      network,
      container('db'),
      { ...container('migrate', ['db']), waitFor: [waitOn('db', 'service_healthy')] },
      { ...container('api', ['db', 'migrate']), waitFor: [waitOn('db', 'service_healthy'), waitOn('migrate', 'service_completed_successfully')] },
      { ...container('web', ['api']), waitFor: [waitOn('api', 'service_started')] },
    ];
    const { result, events } = await run(engine, project, actions);
    expect(result.ok).toBe(true);
    const c = engine.calls;
    const lastCreate = Math.max(...['db', 'migrate', 'api', 'web'].map((s) => c.indexOf(`create p-${s}-1`)));
    expect(lastCreate).toBeLessThan(c.indexOf('start p-migrate-1'));
    expect(c.indexOf('start p-db-1')).toBeLessThan(c.indexOf('start p-migrate-1'));
    expect(c.indexOf('start p-migrate-1')).toBeLessThan(c.indexOf('start p-api-1'));
    expect(c.indexOf('start p-api-1')).toBeLessThan(c.indexOf('start p-web-1'));
    expect(c[0]).toBe('createNetwork p_default');
    const statuses = events.filter((e) => e.resource === 'container p-db-1').map((e) => e.status);
    expect(statuses).toEqual(['Creating', 'Created', 'Starting', 'Started', 'Waiting', 'Healthy']);
  });

  it('a dependency that exits 1 fails its dependents (naming both services) and not the rest', async () => {
    const engine = new FakeEngine();
    engine.scripts = { migrate: { exitCode: 1 } };
    const project: Project = { name: 'p', services: { migrate: svc(), api: svc(), web: svc(), other: svc() } };
    const actions = [
      network,
      container('migrate'),
      { ...container('api', ['migrate']), waitFor: [waitOn('migrate', 'service_completed_successfully')] },
      container('web', ['api']),
      container('other'),
    ];
    const { result, events } = await run(engine, project, actions);
    expect(result.ok).toBe(false);
    expect(result.failures.map((f) => f.message)).toEqual([expect.stringMatching(/^service api: dependency migrate exited with code 1/)]);
    expect(result.skipped.map((s) => s.action.service)).toEqual(['web']);
    expect(engine.calls).toContain('start p-other-1');
    expect(engine.calls).not.toContain('start p-api-1');
    expect(events.some((e) => e.status === 'Skipped' && e.resource === 'container p-web-1')).toBe(true);
  });

  it('a container whose create failed is reported once, as Error, and only its dependents as Skipped', async () => {
    const engine = new FakeEngine();
    const project: Project = { name: 'p', services: { db: svc({ image: 'missing' }), api: svc() } };
    const { result, events } = await run(engine, project, [network, container('db'), container('api', ['db'])]);
    expect(result.failures.map((f) => f.action.service)).toEqual(['db']);
    expect(result.skipped.map((s) => s.action.service)).toEqual(['api']);
    expect(events.filter((e) => e.resource === 'container p-db-1').map((e) => e.status)).toEqual(['Creating', 'Error']);
  });

  it('an unhealthy dependency fails the dependent with the health status', async () => {
    const engine = new FakeEngine();
    engine.scripts = { db: { health: 'unhealthy' } };
    const project: Project = { name: 'p', services: { db: svc({ healthcheck: { test: ['CMD', 'false'], interval: '50ms' } }), api: svc() } };
    const actions = [network, container('db'), { ...container('api', ['db']), waitFor: [waitOn('db', 'service_healthy')] }];
    const { result } = await run(engine, project, actions);
    expect(result.failures[0]!.message).toMatch(/^service api: dependency db is unhealthy/);
  });

  it('service_healthy on a dependency without a healthcheck is an error, not a hang', async () => {
    const engine = new FakeEngine();
    const project: Project = { name: 'p', services: { db: svc(), api: svc() } };
    const actions = [network, container('db'), { ...container('api', ['db']), waitFor: [waitOn('db', 'service_healthy')] }];
    const { result } = await run(engine, project, actions);
    expect(result.failures[0]!.message).toMatch(/dependency db has no healthcheck/);
  });

  it('required: false lets the dependent start when its dependency fails', async () => {
    const engine = new FakeEngine();
    engine.scripts = { metrics: { failStart: 'port is already allocated' } };
    const project: Project = { name: 'p', services: { metrics: svc(), app: svc() } };
    const actions = [network, container('metrics'), { ...container('app', ['metrics']), waitFor: [waitOn('metrics', 'service_started', false)] }];
    const { result, warnings } = await run(engine, project, actions);
    expect(result.failures.map((f) => f.action.service)).toEqual(['metrics']);
    expect(engine.calls).toContain('start p-app-1');
    expect(warnings.some((w) => /optional dependency metrics/.test(w))).toBe(true);
  });

  it('a missing image fails that service with a clear line', async () => {
    const engine = new FakeEngine();
    const project: Project = { name: 'p', services: { app: svc({ image: 'nope:1', pull_policy: 'never' }) } };
    const { result } = await run(engine, project, [network, container('app')]);
    expect(result.failures[0]!.message).toMatch(/^service app: image nope:1 is not present locally/);
  });

  it('recreate: creates under a temporary name, stops and removes the old one, renames the new one', async () => {
    const engine = new FakeEngine();
    const project: Project = { name: 'p', services: { app: svc() } };
    const oldId = await engine.createContainer('p-app-1', { Image: 'busybox', Labels: { 'com.docker.compose.service': 'app' }, HostConfig: {} });
    await engine.startContainer(oldId);
    engine.calls.length = 0;
    const snapshot = empty();
    snapshot.containers.push({ id: oldId, name: 'p-app-1', image: 'busybox', imageId: 'sha256:busybox', state: 'running', status: 'Up', labels: { 'com.docker.compose.service': 'app', 'com.docker.compose.container-number': '1' }, created: 0, networks: [], ports: [] });
    const { result } = await run(engine, project, [{ ...container('app'), dependsOn: [], action: 'recreate', cause: 'config_changed', existingId: oldId }], snapshot);
    expect(result.ok).toBe(true);
    const tmp = `${oldId.slice(0, 12)}_p-app-1`;
    expect(engine.calls).toEqual([`create ${tmp}`, 'stop p-app-1', 'remove p-app-1', `rename ${tmp} p-app-1`, 'start p-app-1']);
    expect([...engine.containers.values()].map((c) => c.name)).toEqual(['p-app-1']);
  });

  it('network_mode service:x waits for the new container of x and resolves to its id', async () => {
    const engine = new FakeEngine();
    const project: Project = { name: 'p', services: { main: svc(), side: svc({ network_mode: 'service:main' }) } };
    const side = { ...container('side', ['main']), dependsOn: ['container:main-1'] };
    const { result } = await run(engine, project, [network, container('main'), side]);
    expect(result.ok).toBe(true);
    const mainId = [...engine.containers.values()].find((c) => c.name === 'p-main-1')!.id;
    const sideBody = [...engine.containers.values()].find((c) => c.name === 'p-side-1')!.body;
    expect(sideBody.HostConfig.NetworkMode).toBe(`container:${mainId}`);
  });

  it('restart: true restarts an up-to-date dependent when its dependency was recreated', async () => {
    const engine = new FakeEngine();
    const project: Project = { name: 'p', services: { db: svc(), api: svc() } };
    const apiId = await engine.createContainer('p-api-1', { Image: 'busybox', Labels: {}, HostConfig: {} });
    engine.calls.length = 0;
    const api: PlanAction = { ...container('api', ['db']), dependsOn: ['container:db-1'], action: 'noop', cause: 'up_to_date', existingId: apiId, waitFor: [{ ...waitOn('db', 'service_started'), restart: true } as never] };
    const { result } = await run(engine, project, [{ ...container('db'), dependsOn: [] }, api]);
    expect(result.ok).toBe(true);
    expect(engine.calls.slice(-2)).toEqual(['stop p-api-1', 'start p-api-1']);
  });

  it('--parallel bounds the engine operations in flight', async () => {
    const engine = new FakeEngine();
    engine.latency = 5;
    let inFlight = 0;
    let peak = 0;
    const create = engine.createContainer.bind(engine);
    engine.createContainer = async (n, b) => {
      peak = Math.max(peak, ++inFlight);
      try {
        return await create(n, b);
      } finally {
        inFlight--;
      }
    };
    const services = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`s${i}`, svc()]));
    const actions = Object.keys(services).map((s) => ({ ...container(s), dependsOn: [] }));
    const { result } = await run(engine, { name: 'p', services }, actions, empty(), 2);
    expect(result.ok).toBe(true);
    expect(peak).toBe(2);
  });

  it('down: removes containers before their networks', async () => {
    const engine = new FakeEngine();
    const id = await engine.createContainer('p-app-1', { Image: 'busybox', Labels: {}, HostConfig: {} });
    engine.calls.length = 0;
    const actions: PlanAction[] = [
      { id: 'container:app-1', action: 'remove', type: 'container', name: 'p-app-1', service: 'app', cause: 'down', changes: [], dependsOn: [], existingId: id },
      { id: 'network:default', action: 'remove', type: 'network', name: 'p_default', cause: 'down', changes: [], dependsOn: ['container:app-1'] },
    ];
    const { result } = await run(engine, { name: 'p', services: {} }, actions);
    expect(result.ok).toBe(true);
    expect(engine.calls).toEqual(['stop p-app-1', 'remove p-app-1', 'removeNetwork p_default']);
  });
});
