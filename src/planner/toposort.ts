/** Order actions so each comes after everything in its dependsOn; ties keep insertion order. */
import { InternalError } from '../diagnostics.js';
import type { PlanAction } from './plan-types.js';

export function sortActions(actions: PlanAction[]): PlanAction[] {
  const index = new Map(actions.map((a, i) => [a.id, i]));
  const indegree = actions.map(() => 0);
  const dependents: number[][] = actions.map(() => []);
  actions.forEach((a, i) => {
    for (const d of a.dependsOn) {
      const j = index.get(d);
      if (j === undefined) throw new InternalError(`action ${a.id} depends on unknown action ${d}`);
      indegree[i]++;
      dependents[j].push(i);
    }
  });
  const heap = new MinHeap();
  indegree.forEach((d, i) => d === 0 && heap.push(i));
  const out: PlanAction[] = [];
  while (heap.size) {
    const i = heap.pop();
    out.push(actions[i]);
    for (const j of dependents[i]) if (--indegree[j] === 0) heap.push(j);
  }
  if (out.length !== actions.length) throw new InternalError('plan actions form a cycle');
  return out;
}

/** A binary min-heap of indices: the smallest ready index goes first, so output is stable. */
class MinHeap {
  private readonly a: number[] = [];
  get size(): number {
    return this.a.length;
  }
  push(x: number): void {
    const a = this.a;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): number {
    const a = this.a;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (r < a.length && a[r] < a[m]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}
