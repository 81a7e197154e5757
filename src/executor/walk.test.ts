import { describe, expect, it } from 'vitest';
import { walk, type WalkNode } from './walk.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('walk', () => {
  it('starts each node when its own dependencies are done, without level barriers', async () => {
    // a(10ms) → c ; b(60ms) → d. c must start before b ends: no level-by-level barrier.
    const nodes: WalkNode[] = [
      { id: 'a', dependsOn: [] },
      { id: 'b', dependsOn: [] },
      { id: 'c', dependsOn: ['a'] },
      { id: 'd', dependsOn: ['b'] },
    ];
    const log: string[] = [];
    const delay: Record<string, number> = { a: 10, b: 60, c: 5, d: 5 };
    await walk(nodes, async (id) => {
      log.push(`start ${id}`);
      await sleep(delay[id]!);
      log.push(`end ${id}`);
    });
    expect(log.indexOf('start c')).toBeLessThan(log.indexOf('end b'));
    expect(log.indexOf('end a')).toBeLessThan(log.indexOf('start c'));
    expect(log.indexOf('end b')).toBeLessThan(log.indexOf('start d'));
  });

  it('never runs more than `parallel` nodes at once', async () => {
    const nodes = Array.from({ length: 10 }, (_, i) => ({ id: `n${i}`, dependsOn: [] }));
    let running = 0;
    let peak = 0;
    const r = await walk(nodes, async () => {
      peak = Math.max(peak, ++running);
      await sleep(5);
      running--;
    }, { parallel: 3 });
    expect(peak).toBe(3);
    expect(r.done).toHaveLength(10);
  });

  it('a failure skips its dependents transitively, and not the rest', async () => {
    const nodes: WalkNode[] = [
      { id: 'db', dependsOn: [] },
      { id: 'api', dependsOn: ['db'] },
      { id: 'web', dependsOn: ['api'] },
      { id: 'cache', dependsOn: [] },
      { id: 'worker', dependsOn: ['cache'] },
    ];
    const r = await walk(nodes, async (id) => {
      if (id === 'db') throw new Error('boom');
    });
    expect([...r.failed.keys()]).toEqual(['db']);
    expect(Object.fromEntries(r.skipped)).toEqual({ api: 'db', web: 'db' });
    expect(r.done.sort()).toEqual(['cache', 'worker']);
  });

  it('an optional dependency that fails does not skip its dependent', async () => {
    const nodes: WalkNode[] = [
      { id: 'metrics', dependsOn: [] },
      { id: 'app', dependsOn: ['metrics'], optional: ['metrics'] },
    ];
    const r = await walk(nodes, async (id) => {
      if (id === 'metrics') throw new Error('down');
    });
    expect(r.done).toEqual(['app']);
  });

  it('ignores dependencies that are not in the graph and finishes an empty graph', async () => {
    expect((await walk([{ id: 'x', dependsOn: ['elsewhere'] }], async () => {})).done).toEqual(['x']);
    expect((await walk([], async () => {})).done).toEqual([]);
  });

  it('rejects a cycle instead of hanging', async () => {
    await expect(walk([{ id: 'a', dependsOn: ['b'] }, { id: 'b', dependsOn: ['a'] }], async () => {})).rejects.toThrow(/cycle/);
  });
});

describe('walk with a cycle behind a node', () => {
  it('rejects once the acyclic part is done', async () => {
    const nodes: WalkNode[] = [{ id: 'a', dependsOn: [] }, { id: 'b', dependsOn: ['a', 'c'] }, { id: 'c', dependsOn: ['b'] }];
    await expect(walk(nodes, async () => {})).rejects.toThrow(/cycle/);
  });
});
