import { describe, expect, it } from 'vitest';
import type { ContainerSummary, Snapshot } from '../engine/engine.js';
import { backupName, isBackupName } from './backups.js';
import { plan } from './plan.js';
import { renderPlanHuman } from './render-human.js';
import type { PlanAction } from './plan-types.js';
import { planCommit, planRestore } from './restore.js';
import { modelFrom, snapshotFrom } from './testing.js';

const IMG = { images: { busybox: 'sha256:b' }, networks: ['default'] };
const byId = (actions: PlanAction[], id: string) => actions.find((a) => a.id === id)!;

describe('atomic plans keep backups', () => {
  const model = modelFrom({ name: 'p', services: { api: { image: 'busybox', environment: { R: '2' } } } });
  const snap = snapshotFrom(model, { ...IMG, containers: [{ service: 'api', from: { image: 'busybox', environment: { R: '1' } } }, { service: 'gone' }] });

  it('marks recreates and removals with a backup name only when atomic', () => {
    const atomic = plan(model, snap, { atomic: true, removeOrphans: true });
    expect(byId(atomic.actions, 'container:api-1').details?.backupName).toBe('p-api-1_prev_ctr0-api-1');
    expect(byId(atomic.actions, 'container:p-gone-1').details?.backupName).toBe('p-gone-1_prev_ctr1-gone-1');
    const plain = plan(model, snap, { removeOrphans: true });
    expect(plain.actions.some((a) => a.details?.backupName)).toBe(false);
  });

  it('a backup left by an interrupted up is removed, never taken for a replica', () => {
    const left = snapshotFrom(model, { ...IMG, containers: [{ service: 'api' }, { service: 'api', name: 'p-api-1_prev_0123456789ab', state: 'exited' }] });
    const p = plan(model, left, { atomic: true });
    expect(p.actions.filter((a) => a.type === 'container').map((a) => `${a.action} ${a.name} ${a.cause}`)).toEqual([
      'noop p-api-1 up_to_date',
      'remove p-api-1_prev_0123456789ab stale_backup',
    ]);
    expect(byId(p.actions, 'container:p-api-1_prev_0123456789ab').details?.backupName).toBeUndefined();
  });

  it('names backups recognisably', () => {
    expect(backupName('p-web-1', 'sha256:abcdef0123456789')).toBe('p-web-1_prev_abcdef012345');
    expect(isBackupName('p-web-1_prev_abcdef012345')).toBe(true);
    expect(isBackupName('p-web-1')).toBe(false);
  });
});

describe('update strategy', () => {
  const web = (update: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    modelFrom({ name: 'p', services: { web: { image: 'busybox', environment: { R: '2' }, deploy: { replicas: 3, update_config: update }, ...extra } } });
  const old = (m: ReturnType<typeof web>) =>
    snapshotFrom(m, { ...IMG, containers: [1, 2, 3].map((n) => ({ service: 'web', number: n, from: { ...m.services.web, environment: { R: '1' } } })) });

  it.each([
    ['parallelism 1 (default): one replica after the other', { order: 'start-first' }, [[], ['container:web-1'], ['container:web-2']], [0, 1, 2]],
    ['parallelism 2: batches of two', { order: 'start-first', parallelism: 2 }, [[], [], ['container:web-1', 'container:web-2']], [0, 0, 1]],
    ['parallelism 0: all at once', { order: 'start-first', parallelism: 0 }, [[], [], []], [0, 0, 0]],
  ])('%s', (_t, update, deps, batches) => {
    const m = web(update);
    const p = plan(m, old(m));
    const recreates = [1, 2, 3].map((n) => byId(p.actions, `container:web-${n}`));
    expect(recreates.map((a) => a.dependsOn.filter((d) => d.startsWith('container:')))).toEqual(deps);
    expect(recreates.map((a) => (a.details?.rolling as { batch: number }).batch)).toEqual(batches);
  });

  it('the human plan says which replicas roll, in which batch', () => {
    const m = web({ order: 'start-first' });
    const text = renderPlanHuman(plan(m, old(m)), { color: false });
    expect(text).toContain('~ recreate container p-web-2 (service web) [config_changed]');
    expect(text).toContain('update: start-first, batch 2');
  });

  it('carries delay and failure_action; continue makes the batch edges soft', () => {
    const m = web({ order: 'start-first', delay: '1500ms', failure_action: 'continue' });
    const a = byId(plan(m, old(m)).actions, 'container:web-2');
    expect(a.details?.rolling).toEqual({ order: 'start-first', batch: 1, delayMs: 1500, failureAction: 'continue' });
    expect(a.details?.softDependsOn).toEqual(['container:web-1']);
  });

  it('--strategy overrides update_config.order both ways', () => {
    const m = web({});
    expect(byId(plan(m, old(m), { strategy: 'rolling' }).actions, 'container:web-1').details?.rolling).toBeDefined();
    const sf = web({ order: 'start-first' });
    expect(byId(plan(sf, old(sf), { strategy: 'stop-first' }).actions, 'container:web-1').details?.rolling).toBeUndefined();
  });

  it.each([
    ['a fixed host port', { ports: [{ mode: 'ingress', target: 80, published: '8080', protocol: 'tcp', host_ip: '127.0.0.1' }] }, 'fixed host port 127.0.0.1:8080'],
    ['a static IP', { networks: { default: { ipv4_address: '10.0.0.5' } } }, 'static IP on network default'],
  ])('falls back to stop-first with a warning for %s', (_t, extra, words) => {
    const m = web({ order: 'start-first' }, extra);
    const p = plan(m, old(m));
    expect(p.actions.some((a) => a.details?.rolling)).toBe(false);
    expect(p.warnings?.join('\n')).toContain(words);
    expect(p.warnings?.join('\n')).toContain('updated stop-first, not rolling');
  });

  it('container_name (one replica) falls back too', () => {
    const m = modelFrom({ name: 'p', services: { web: { image: 'busybox', container_name: 'w', environment: { R: '2' }, deploy: { update_config: { order: 'start-first' } } } } });
    const s = snapshotFrom(m, { ...IMG, containers: [{ service: 'web', from: { ...m.services.web, environment: { R: '1' } } }] });
    expect(plan(m, s).warnings).toEqual(['service web: it sets container_name w, so two replicas cannot run at once: updated stop-first, not rolling']);
  });
});

function ctr(id: string, name: string, service: string, state: ContainerSummary['state'] = 'running', dependsOn = ''): ContainerSummary {
  const labels: Record<string, string> = { 'com.docker.compose.project': 'p', 'com.docker.compose.service': service, 'com.docker.compose.container-number': '1', 'com.docker.compose.oneoff': 'False' };
  if (dependsOn) labels['com.docker.compose.depends_on'] = dependsOn;
  return { id, name, image: 'busybox', imageId: 'sha256:b', state, status: '', labels, created: 0, networks: [], ports: [] };
}
const snapshot = (containers: ContainerSummary[]): Snapshot => ({ project: 'p', containers, networks: [], volumes: [], images: {} });

describe('restore plan', () => {
  it('removes what the up made, renames backups back and restores each previous state', () => {
    const before = snapshot([ctr('aaa', 'p-db-1', 'db'), ctr('bbb', 'p-api-1', 'api', 'running', 'db:service_started:false'), ctr('ccc', 'p-job-1', 'job', 'exited'), ctr('ddd', 'p-old-1', 'old')]);
    const now = snapshot([
      ctr('aaa', 'p-db-1_prev_aaa', 'db', 'exited'),
      ctr('new1', 'p-db-1', 'db'),
      ctr('bbb', 'p-api-1_prev_bbb', 'api', 'exited'),
      ctr('new2', 'p-api-1', 'api', 'created'),
      ctr('ccc', 'p-job-1', 'job', 'running'),
    ]);
    const { plan: p, lost } = planRestore(before, now);
    expect(lost).toEqual(['p-old-1']);
    const line = (a: PlanAction) => `${a.action} ${a.name}${a.details?.rename ? ' (rename)' : ''} <- ${a.dependsOn.join(',')}`;
    expect(p.actions.map(line)).toEqual([
      'remove p-api-1 <- ',
      'remove p-db-1 <- ',
      'start p-db-1 (rename) <- container:p-db-1',
      'start p-api-1 (rename) <- container:p-api-1,container:p-db-1#restore',
      'stop p-job-1 <- ',
    ]);
    expect(p.actions.every((a) => a.cause === 'rollback')).toBe(true);
  });

  it('nothing to do when nothing changed', () => {
    const s = snapshot([ctr('aaa', 'p-db-1', 'db')]);
    expect(planRestore(s, s).plan.actions).toEqual([]);
  });
});

describe('commit plan', () => {
  it('removes the backups of completed actions only', () => {
    const m = modelFrom({ name: 'p', services: { a: { image: 'busybox', environment: { R: '2' } }, b: { image: 'busybox', environment: { R: '2' } } } });
    const s = snapshotFrom(m, { ...IMG, containers: [{ service: 'a', from: { image: 'busybox' } }, { service: 'b', from: { image: 'busybox' } }] });
    const forward = plan(m, s, { atomic: true });
    const commit = planCommit(forward, new Set(['container:b-1']));
    expect(commit.actions.map((a) => `${a.action} ${a.name} ${a.existingId} ${a.cause}`)).toEqual(['remove p-a-1_prev_ctr0-a-1 ctr0-a-1 commit']);
  });
});
