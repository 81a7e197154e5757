import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Project } from '../model/project.js';
import type { Plan, PlanAction } from '../planner/plan-types.js';
import { pinRevisionImages } from './pin-images.js';
import { changedServices, openRevisionStore, recordRevision } from './record-revision.js';
import { REVISION_LABELS, combinedRevisionStore, engineRevisionStore, localRevisionStore, revisionVolumeName } from './revision-store.js';
import { KEEP_REVISIONS, decodeRevision, encodeRevision, revisionDigest, revisionsToPrune, type Revision } from './revision.js';
import { SafetyFakeEngine } from './testing.js';

const model = (release: string, image = 'app:v1'): Project => ({
  name: 'p',
  services: { api: { command: null, entrypoint: null, image, environment: { RELEASE: release } }, db: { command: null, entrypoint: null, image: 'db:1' } },
});

function revision(n: number, over: Partial<Revision> = {}): Revision {
  const m = model(String(n));
  const images = { api: 'sha256:a', db: 'sha256:d' };
  return { formatVersion: 1, project: 'p', number: n, time: '2026-01-01T00:00:00.000Z', command: 'ncompose up', kind: 'up', model: m, workingDir: '/w', configFiles: ['/w/compose.yaml'], images, changed: ['api'], digest: revisionDigest(m, images), ...over };
}

function plan(actions: Partial<PlanAction>[]): Plan {
  return { formatVersion: 1, project: 'p', command: 'up', fingerprint: '', summary: { create: 0, recreate: 0, remove: 0, start: 0, stop: 0, pull: 0, build: 0, noop: 0 }, actions: actions as PlanAction[] };
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'ncrev-'));
  dirs.push(d);
  return d;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('revision encoding', () => {
  it('round-trips through gzip+base64 unchanged', () => {
    const r = revision(3, { kind: 'rollback', rollbackTo: 1 });
    const text = encodeRevision(r);
    expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(decodeRevision(text)).toEqual(r);
  });

  it.each([
    ['not base64 gzip', 'hello'],
    ['another format version', gzipSync(JSON.stringify({ ...revision(1), formatVersion: 2 })).toString('base64')],
    ['no model', gzipSync(JSON.stringify({ ...revision(1), model: undefined })).toString('base64')],
    ['number 0', gzipSync(JSON.stringify({ ...revision(1), number: 0 })).toString('base64')],
  ])('rejects %s', (_n, text) => {
    expect(() => decodeRevision(text)).toThrow();
  });

  it('digest ignores key order and sees image ids', () => {
    const a = model('1');
    const b: Project = { services: { db: a.services.db, api: a.services.api }, name: 'p' };
    expect(revisionDigest(a, { api: 'x' })).toBe(revisionDigest(b, { api: 'x' }));
    expect(revisionDigest(a, { api: 'x' })).not.toBe(revisionDigest(a, { api: 'y' }));
  });

  it.each([
    [[1, 2, 3], 2, [1]],
    [[5, 1, 3, 2, 4], 3, [1, 2]],
    [[1, 2], 20, []],
    [Array.from({ length: 21 }, (_, i) => i + 1), KEEP_REVISIONS, [1]],
  ])('prunes %j keeping %i → %j', (numbers, keep, out) => {
    expect(revisionsToPrune(numbers, keep)).toEqual(out);
  });
});

describe('revision stores', () => {
  it('keeps each revision in a volume without the compose project label', async () => {
    const e = new SafetyFakeEngine();
    await engineRevisionStore(e, 'p').save(revision(1));
    const vol = e.volumes.get(revisionVolumeName('p', 1))!;
    expect(vol.name).toBe('p_ncompose-rev-1');
    expect(Object.keys(vol.labels).sort()).toEqual(Object.values(REVISION_LABELS).sort());
    expect(await engineRevisionStore(e, 'p').list()).toEqual([revision(1)]);
    expect(await engineRevisionStore(e, 'other').list()).toEqual([]);
  });

  it('falls back to local files when the engine refuses, and merges both when reading', async () => {
    const e = new SafetyFakeEngine();
    const warnings: string[] = [];
    const dir = tempDir();
    const store = combinedRevisionStore(engineRevisionStore(e, 'p'), localRevisionStore(dir, 'p'), (m) => warnings.push(m));
    await store.save(revision(1));
    e.failVolumeCreate = true;
    await store.save(revision(2));
    expect(warnings).toHaveLength(1);
    expect((await store.list()).map((r) => r.number)).toEqual([1, 2]);
    expect((await localRevisionStore(dir, 'p').list()).map((r) => r.number)).toEqual([2]);
    await store.remove([1, 2]);
    expect(await store.list()).toEqual([]);
  });

  it('skips unreadable entries instead of failing', async () => {
    const e = new SafetyFakeEngine();
    await e.createVolume({ Name: 'p_ncompose-rev-9', Labels: { [REVISION_LABELS.project]: 'p', [REVISION_LABELS.data]: 'garbage' } });
    await engineRevisionStore(e, 'p').save(revision(1));
    expect((await engineRevisionStore(e, 'p').list()).map((r) => r.number)).toEqual([1]);
  });
});

describe('recordRevision', () => {
  const io = (dir: string) => ({ XDG_STATE_HOME: dir });

  it('numbers revisions, records running image ids and changed services, skips an unchanged state', async () => {
    const e = new SafetyFakeEngine();
    e.addServiceContainer('p', 'api', 1, 'sha256:a1');
    e.images.set('db:1', 'sha256:d');
    const store = openRevisionStore(e, 'p', io(tempDir()), () => {});
    const req = { meta: { workingDir: '/w', configFiles: [] }, command: 'ncompose up -d', kind: 'up' as const };
    const r1 = await recordRevision(e, store, { ...req, model: model('1'), plan: plan([{ type: 'container', action: 'create', service: 'api' }]) });
    expect(r1).toMatchObject({ number: 1, images: { api: 'sha256:a1', db: 'sha256:d' }, changed: ['api', 'db'] });
    expect(await recordRevision(e, store, { ...req, model: model('1'), plan: plan([]) })).toBeUndefined();
    const r2 = await recordRevision(e, store, { ...req, model: model('2'), plan: plan([{ type: 'container', action: 'recreate', service: 'api' }]) });
    expect(r2).toMatchObject({ number: 2, changed: ['api'] });
    expect((await store.list()).map((r) => r.number)).toEqual([1, 2]);
  });

  it(`keeps the last ${KEEP_REVISIONS}`, async () => {
    const e = new SafetyFakeEngine();
    const store = openRevisionStore(e, 'p', io(tempDir()), () => {});
    for (let i = 1; i <= KEEP_REVISIONS + 3; i++) {
      await recordRevision(e, store, { model: model(String(i)), meta: { workingDir: '/w', configFiles: [] }, plan: plan([]), command: 'up', kind: 'up' });
    }
    const numbers = (await store.list()).map((r) => r.number);
    expect(numbers).toEqual(Array.from({ length: KEEP_REVISIONS }, (_, i) => i + 4));
    expect(e.volumes.size).toBe(KEEP_REVISIONS);
  });

  it('changedServices: every non-noop container action, sorted, once', () => {
    const p = plan([
      { type: 'container', action: 'noop', service: 'a' },
      { type: 'container', action: 'recreate', service: 'web' },
      { type: 'container', action: 'remove', service: 'old' },
      { type: 'container', action: 'create', service: 'web' },
      { type: 'network', action: 'create' },
    ]);
    expect(changedServices(p)).toEqual(['old', 'web']);
  });
});

describe('pinRevisionImages', () => {
  it('pins a service whose tag moved, keeps one whose tag still names the recorded image, reports missing images', async () => {
    const e = new SafetyFakeEngine();
    e.images.set('app:v1', 'sha256:NEW');
    e.images.set('old', 'sha256:a');
    e.images.set('db:1', 'sha256:d');
    const r = revision(1, { images: { api: 'sha256:a', db: 'sha256:d' } });
    const pinned = await pinRevisionImages(e, r);
    expect(pinned.pinned).toEqual(['api']);
    expect(pinned.model.services.api).toMatchObject({ image: 'sha256:a', pull_policy: 'never' });
    expect(pinned.model.services.db).toBe(r.model.services.db);
    e.images.delete('old');
    expect((await pinRevisionImages(e, r)).missing).toEqual([{ service: 'api', imageId: 'sha256:a' }]);
  });

  it('pins a built service so a rollback never rebuilds it', async () => {
    const e = new SafetyFakeEngine();
    e.images.set('p-api', 'sha256:b');
    const r = revision(1, { images: { api: 'sha256:b' } });
    r.model.services = { api: { command: null, entrypoint: null, build: { context: '.' }, pull_policy: 'build' } };
    const pinned = await pinRevisionImages(e, r);
    expect(pinned.model.services.api.build).toBeUndefined();
    expect(pinned.model.services.api.image).toBe('sha256:b');
  });
});
