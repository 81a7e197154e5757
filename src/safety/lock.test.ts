import { describe, expect, it } from 'vitest';
import { holderLabels, isHolderDead, type LockHolder } from './lock-holder.js';
import { LOCK_IMAGE, LockTimeoutError, acquireProjectLock, lockHolder, lockName, type LockOptions } from './lock.js';
import { SafetyFakeEngine, fakeHost } from './testing.js';

const me = fakeHost('here', 'boot-1', { [process.pid]: '100', 4242: '500' });

function holder(over: Partial<LockHolder>): LockHolder {
  return { host: 'here', bootId: 'boot-1', pid: 4242, pidStart: '500', command: 'ncompose up -d', since: '2026-01-01T00:00:00.000Z', ...over };
}

/** A virtual clock: sleeping advances it, so timeouts run instantly and deterministically. */
function clock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

function opts(over: Partial<LockOptions> = {}): LockOptions {
  return { command: 'ncompose up', timeoutMs: 0, probe: me, ...clock(), ...over };
}

async function engineWithLock(project: string, h: LockHolder): Promise<SafetyFakeEngine> {
  const e = new SafetyFakeEngine();
  e.images.set(LOCK_IMAGE, 'sha256:lock');
  await e.createContainer(lockName(project), { Image: LOCK_IMAGE, Labels: holderLabels(project, h), HostConfig: {} });
  return e;
}

describe('isHolderDead', () => {
  it.each([
    ['live process, same start', holder({}), false],
    ['no such pid on this host', holder({ pid: 999 }), true],
    ['pid reused by another process', holder({ pidStart: '499' }), true],
    ['another boot of this host', holder({ bootId: 'boot-0', pid: 999 }), true],
    ['another host: never judged', holder({ host: 'there', pid: 999 }), false],
    ['no host recorded', holder({ host: '', pid: 999 }), false],
    ['garbled pid', holder({ pid: NaN }), false],
    ['unknown start time, pid alive', holder({ pidStart: '' }), false],
  ])('%s', (_name, h, dead) => {
    expect(isHolderDead(h, me)).toBe(dead);
  });
});

describe('acquireProjectLock', () => {
  it('imports the empty image on first use, creates the lock, and releases it by id', async () => {
    const e = new SafetyFakeEngine();
    const lock = await acquireProjectLock(e, 'p', opts());
    expect(e.calls).toEqual(['create ncompose-lock-p', `import ${LOCK_IMAGE}`, 'create ncompose-lock-p']);
    expect((await lockHolder(e, 'p'))).toMatchObject({ host: 'here', pid: process.pid, pidStart: '100', command: 'ncompose up' });
    await lock.release();
    await lock.release();
    expect(e.containers.size).toBe(0);
    expect(e.calls.filter((c) => c.startsWith('remove'))).toEqual([`remove ${lock.id}`]);
  });

  it('fails at once with timeout 0, naming the holder and since when', async () => {
    const e = await engineWithLock('p', holder({}));
    const err = await acquireProjectLock(e, 'p', opts()).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(LockTimeoutError);
    expect((err as LockTimeoutError).holder).toMatchObject({ pid: 4242, host: 'here', command: 'ncompose up -d', since: '2026-01-01T00:00:00.000Z' });
    expect((err as Error).message).toContain('2026-01-01T00:00:00.000Z');
    expect(e.containers.size).toBe(1);
  });

  it('waits by polling until the timeout, telling once who it waits for', async () => {
    const e = await engineWithLock('p', holder({ host: 'there' }));
    const waits: LockHolder[] = [];
    const c = clock();
    const err = await acquireProjectLock(e, 'p', opts({ ...c, timeoutMs: 5000, pollMs: 1000, onWait: (h) => waits.push(h) })).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(LockTimeoutError);
    expect(c.now()).toBe(5000);
    expect(waits.map((h) => h.host)).toEqual(['there']);
    expect(e.calls.filter((x) => x.startsWith('create')).length).toBe(1 + 1 + 5);
  });

  it('gets the lock once its live holder releases it', async () => {
    const e = await engineWithLock('p', holder({}));
    const held = [...e.containers.keys()][0];
    let polls = 0;
    const lock = await acquireProjectLock(e, 'p', opts({
      timeoutMs: 60_000,
      sleep: async () => void (++polls === 3 && e.containers.delete(held)),
    }));
    expect(polls).toBe(3);
    expect(lock.id).not.toBe(held);
  });

  it.each([
    ['a dead pid', holder({ pid: 999 })],
    ['a reused pid', holder({ pidStart: '1' })],
    ['a previous boot', holder({ bootId: 'boot-0' })],
  ])('takes over a lock left by %s: removes that exact container, then creates', async (_n, h) => {
    const e = await engineWithLock('p', h);
    const dead = [...e.containers.keys()][0];
    const taken: LockHolder[] = [];
    const lock = await acquireProjectLock(e, 'p', opts({ onTakeover: (x) => taken.push(x) }));
    expect(taken).toEqual([h]);
    expect(e.calls.slice(1)).toEqual(['create ncompose-lock-p', `remove ${dead}`, 'create ncompose-lock-p']);
    expect([...e.containers.keys()]).toEqual([lock.id]);
  });

  it('release never removes a lock someone else holds under the same name', async () => {
    const e = new SafetyFakeEngine();
    const mine = await acquireProjectLock(e, 'p', opts());
    e.containers.delete(mine.id); // e.g. removed by hand, then taken by another command
    const theirs = await acquireProjectLock(e, 'p', opts());
    await mine.release();
    expect([...e.containers.keys()]).toEqual([theirs.id]);
  });

  it('serializes concurrent commands: never two holders at once', async () => {
    const e = new SafetyFakeEngine();
    let inside = 0;
    let maxInside = 0;
    const order: number[] = [];
    const worker = async (i: number) => {
      const lock = await acquireProjectLock(e, 'p', { command: `w${i}`, timeoutMs: 60_000, pollMs: 1, probe: me });
      inside++;
      maxInside = Math.max(maxInside, inside);
      await new Promise((r) => setTimeout(r, 2));
      order.push(i);
      inside--;
      await lock.release();
    };
    await Promise.all([0, 1, 2, 3, 4, 5].map(worker));
    expect(maxInside).toBe(1);
    expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(e.containers.size).toBe(0);
  });

  it('projects do not share a lock', async () => {
    const e = new SafetyFakeEngine();
    const a = await acquireProjectLock(e, 'a', opts());
    const b = await acquireProjectLock(e, 'ab', opts());
    expect(a.name).toBe('ncompose-lock-a');
    expect(b.name).toBe('ncompose-lock-ab');
  });
});
