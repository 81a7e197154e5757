import { describe, expect, it } from 'vitest';
import type { ContainerCreateBody } from '../engine/api-types.js';
import type { Snapshot } from '../engine/engine.js';
import type { Project, ServiceConfig } from '../model/project.js';
import type { Plan, PlanAction } from '../planner/plan-types.js';
import { planRestore } from '../planner/restore.js';
import { execute } from './execute.js';
import { FakeEngine } from './fake-engine.js';

const svc = (s: Partial<ServiceConfig> = {}): ServiceConfig => ({ command: null, entrypoint: null, image: 'busybox', ...s });
const plan = (actions: PlanAction[]): Plan => ({
  formatVersion: 1, project: 'p', command: 'up', fingerprint: 'x', actions,
  summary: { create: 0, recreate: 0, remove: 0, start: 0, stop: 0, pull: 0, build: 0, noop: 0 },
});
const snapshot = (): Snapshot => ({ project: 'p', containers: [], networks: [], volumes: [], images: { busybox: 'sha256:busybox' } });

/** An existing running container of `service`, as a previous up left it. */
function seed(engine: FakeEngine, id: string, name: string, service: string): void {
  const body = { Image: 'busybox', Labels: { 'com.docker.compose.service': service }, HostConfig: {} } as unknown as ContainerCreateBody;
  engine.containers.set(id, { id, name, body, state: 'running', exitCode: 0, startedAt: 0, finishedAt: 0 });
}

function recreate(service: string, n: number, oldId: string, details: Record<string, unknown> = {}, dependsOn: string[] = []): PlanAction {
  return {
    id: `container:${service}-${n}`, action: 'recreate', type: 'container', name: `p-${service}-${n}`, service, number: n,
    cause: 'config_changed', changes: [], dependsOn, existingId: oldId, details: { configHash: 'h2', ...details },
  };
}

async function run(engine: FakeEngine, project: Project, actions: PlanAction[], signal?: AbortSignal) {
  return execute({
    engine, plan: plan(actions), project, workingDir: '/p', configFiles: [], environment: {}, snapshot: snapshot(),
    options: { version: '0', signal }, onProgress: () => {}, onWarning: () => {},
  });
}

const names = (engine: FakeEngine) => [...engine.containers.values()].map((c) => `${c.name}:${c.state}`).sort();

describe('atomic recreate', () => {
  it('keeps the old container stopped under its backup name, then the restore plan brings it back', async () => {
    const engine = new FakeEngine();
    seed(engine, 'old000000000api', 'p-api-1', 'api');
    const project: Project = { name: 'p', services: { api: svc() } };
    const r = await run(engine, project, [recreate('api', 1, 'old000000000api', { backupName: 'p-api-1_prev_old000000000' })]);
    expect(r.ok).toBe(true);
    expect(engine.calls.filter((c) => !c.startsWith('create'))).toEqual([
      'stop p-api-1', 'rename p-api-1 p-api-1_prev_old000000000', 'rename old000000000_p-api-1 p-api-1', 'start p-api-1',
    ]);
    expect(names(engine)).toEqual(['p-api-1:running', 'p-api-1_prev_old000000000:exited']);

    const before: Snapshot = { ...snapshot(), containers: [summary('old000000000api', 'p-api-1', 'api', 'running')] };
    const now: Snapshot = { ...snapshot(), containers: [...engine.containers.values()].map((c) => summary(c.id, c.name, 'api', c.state)) };
    const back = await execute({
      engine, plan: planRestore(before, now).plan, project, workingDir: '/p', configFiles: [], environment: {}, snapshot: now,
      options: { version: '0', removeVolumes: true }, onProgress: () => {}, onWarning: () => {},
    });
    expect(back.ok).toBe(true);
    expect(names(engine)).toEqual(['p-api-1:running']);
    expect(engine.containers.has('old000000000api')).toBe(true);
  });
});

function summary(id: string, name: string, service: string, state: 'created' | 'running' | 'exited') {
  const labels = { 'com.docker.compose.project': 'p', 'com.docker.compose.service': service, 'com.docker.compose.container-number': '1' };
  return { id, name, image: 'busybox', imageId: '', state, status: '', labels, created: 0, networks: [], ports: [] };
}

describe('rolling (start-first) replicas', () => {
  const rolling = (batch: number, failureAction = 'rollback') => ({ rolling: { order: 'start-first', batch, delayMs: 0, failureAction } });
  const project: Project = { name: 'p', services: { web: svc({ healthcheck: { test: ['CMD', 'true'], interval: '100ms' } }) } };

  it('starts each new replica before stopping its old one, one replica after the other', async () => {
    const engine = new FakeEngine();
    engine.scripts = { web: { health: 'healthy', after: 10 } };
    seed(engine, 'old1aaaaaaaaaaa', 'p-web-1', 'web');
    seed(engine, 'old2aaaaaaaaaaa', 'p-web-2', 'web');
    const r = await run(engine, project, [
      recreate('web', 1, 'old1aaaaaaaaaaa', rolling(0)),
      recreate('web', 2, 'old2aaaaaaaaaaa', rolling(1), ['container:web-1']),
    ]);
    expect(r.ok).toBe(true);
    const order = engine.calls.filter((c) => /^(start|stop|remove)/.test(c));
    expect(order).toEqual(['start old1aaaaaaaa_p-web-1', 'stop p-web-1', 'remove p-web-1', 'start old2aaaaaaaa_p-web-2', 'stop p-web-2', 'remove p-web-2']);
    expect(names(engine)).toEqual(['p-web-1:running', 'p-web-2:running']);
  });

  it('a new replica that never gets healthy is removed; the old one never stopped', async () => {
    const engine = new FakeEngine();
    engine.scripts = { web: { health: 'unhealthy', after: 10 } };
    seed(engine, 'old1aaaaaaaaaaa', 'p-web-1', 'web');
    seed(engine, 'old2aaaaaaaaaaa', 'p-web-2', 'web');
    const r = await run(engine, project, [
      recreate('web', 1, 'old1aaaaaaaaaaa', rolling(0, 'pause')),
      recreate('web', 2, 'old2aaaaaaaaaaa', rolling(1, 'pause'), ['container:web-1']),
    ]);
    expect(r.ok).toBe(false);
    expect(r.failures.map((f) => f.message)).toEqual(['service web: new replica of p-web-1 is unhealthy; the old replica kept running']);
    expect(r.skipped.map((s) => s.action.id)).toEqual(['container:web-2']);
    expect(engine.calls.some((c) => c.startsWith('stop'))).toBe(false);
    // web-2 was only created (creates never wait): the up's finish removes it (restore, or discard on pause).
    expect(names(engine)).toEqual(['old2aaaaaaaa_p-web-2:created', 'p-web-1:running', 'p-web-2:running']);
  });

  it('failure_action continue: the next batch still rolls', async () => {
    const engine = new FakeEngine();
    engine.scripts = { web: { health: 'unhealthy', after: 10 } };
    seed(engine, 'old1aaaaaaaaaaa', 'p-web-1', 'web');
    seed(engine, 'old2aaaaaaaaaaa', 'p-web-2', 'web');
    const second = { ...recreate('web', 2, 'old2aaaaaaaaaaa', rolling(1, 'continue'), ['container:web-1']) };
    second.details = { ...second.details, softDependsOn: ['container:web-1'] };
    const r = await run(engine, project, [recreate('web', 1, 'old1aaaaaaaaaaa', rolling(0, 'continue')), second]);
    expect(r.failures.map((f) => f.action.id)).toEqual(['container:web-1', 'container:web-2']);
    expect(r.skipped).toEqual([]);
  });
});

describe('interruption', () => {
  it('a wait for a dependency that is never healthy ends at the abort, not at its deadline', async () => {
    const engine = new FakeEngine();
    const ac = new AbortController();
    const project: Project = { name: 'p', services: { db: svc({ healthcheck: { test: ['CMD', 'true'], interval: '1h', retries: 3 } }), api: svc() } };
    const create = (s: string, extra: Partial<PlanAction> = {}): PlanAction => ({
      id: `container:${s}-1`, action: 'create', type: 'container', name: `p-${s}-1`, service: s, number: 1, cause: 'missing', changes: [], dependsOn: [], details: { configHash: 'h' }, ...extra,
    });
    setTimeout(() => ac.abort(), 100);
    const t0 = Date.now();
    const r = await run(engine, project, [
      create('db'),
      create('api', { dependsOn: ['container:db-1'], waitFor: [{ action: 'container:db-1', service: 'db', condition: 'service_healthy', required: true }] }),
    ], ac.signal);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.failures.map((f) => f.message)).toEqual(['service api: interrupted while waiting for dependency db to be healthy']);
    expect(engine.calls).not.toContain('start p-api-1');
  });

  it('an aborted signal starts no further step; running ones finish', async () => {
    const engine = new FakeEngine();
    engine.latency = 15;
    const ac = new AbortController();
    const project: Project = { name: 'p', services: { a: svc(), b: svc(), c: svc() } };
    const create = (s: string, deps: string[] = []): PlanAction => ({
      id: `container:${s}-1`, action: 'create', type: 'container', name: `p-${s}-1`, service: s, number: 1, cause: 'missing', changes: [], dependsOn: deps, details: { configHash: 'h' },
    });
    setTimeout(() => ac.abort(), 20);
    const r = await run(engine, project, [create('a'), create('b', ['container:a-1']), create('c', ['container:b-1'])], ac.signal);
    expect(r.ok).toBe(false);
    expect(r.cancelled.map((a) => a.id)).toContain('container:c-1');
    expect(engine.calls.some((c) => c === 'start p-c-1')).toBe(false);
  });
});
