/**
 * A concurrent DAG walk with no decisions (terraform `dag/walk.go`): each node runs as soon as its
 * own dependencies are done, at most `parallel` at once; a failed node skips its dependents
 * (transitively) and nothing else. Edges listed in `optional` do not skip on failure.
 */

export interface WalkNode {
  id: string;
  dependsOn: string[];
  /** Dependencies whose failure does not skip this node (depends_on `required: false`). */
  optional?: string[];
}

export interface WalkResult {
  done: string[];
  failed: Map<string, unknown>;
  /** Skipped node → the failed node that caused it. */
  skipped: Map<string, string>;
  /** Nodes never started because `signal` aborted the walk. */
  cancelled: string[];
}

export interface WalkOptions {
  /** Max nodes running at once; 0 or undefined = unlimited. */
  parallel?: number;
  onSkip?: (id: string, cause: string) => void;
  /** Once aborted, no further node starts; the walk ends when the running ones finish. */
  signal?: AbortSignal;
}

export async function walk(nodes: WalkNode[], run: (id: string) => Promise<void>, opts: WalkOptions = {}): Promise<WalkResult> {
  const known = new Set(nodes.map((n) => n.id));
  const waiting = new Map<string, number>();
  const dependents = new Map<string, WalkNode[]>();
  for (const n of nodes) {
    const deps = [...new Set(n.dependsOn)].filter((d) => known.has(d) && d !== n.id);
    waiting.set(n.id, deps.length);
    for (const d of deps) (dependents.get(d) ?? dependents.set(d, []).get(d)!).push(n);
  }
  const result: WalkResult = { done: [], failed: new Map(), skipped: new Map(), cancelled: [] };
  const limit = opts.parallel && opts.parallel > 0 ? opts.parallel : Infinity;
  const queue: string[] = nodes.filter((n) => waiting.get(n.id) === 0).map((n) => n.id);
  let running = 0;
  let settle!: () => void;
  let fail!: (e: Error) => void;
  const finished = new Promise<void>((res, rej) => ((settle = res), (fail = rej)));
  let remaining = nodes.length;

  const complete = (id: string) => {
    remaining--;
    if (remaining === 0) settle();
  };
  const release = (dep: string, failedCause?: string) => {
    for (const n of dependents.get(dep) ?? []) {
      if (result.skipped.has(n.id)) continue;
      if (failedCause && !(n.optional ?? []).includes(dep)) {
        skip(n.id, failedCause);
        continue;
      }
      const left = waiting.get(n.id)! - 1;
      waiting.set(n.id, left);
      if (left === 0) queue.push(n.id);
    }
  };
  const skip = (id: string, cause: string) => {
    result.skipped.set(id, cause);
    opts.onSkip?.(id, cause);
    complete(id);
    release(id, cause);
  };
  const pump = () => {
    if (opts.signal?.aborted) return void (running === 0 && settle());
    while (running < limit && queue.length) {
      const id = queue.shift()!;
      running++;
      run(id).then(
        () => {
          result.done.push(id);
          finish(id);
        },
        (e: unknown) => {
          result.failed.set(id, e);
          finish(id, id);
        },
      );
    }
  };
  const finish = (id: string, failed?: string) => {
    running--;
    complete(id);
    release(id, failed);
    pump();
    if (running === 0 && remaining > 0 && !queue.length) fail(new Error('walk: the graph has a cycle'));
  };
  if (remaining === 0) return result;
  const onAbort = () => running === 0 && settle();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  pump();
  if (running === 0 && remaining > 0 && !opts.signal?.aborted) throw new Error('walk: the graph has a cycle');
  await finished.finally(() => opts.signal?.removeEventListener('abort', onAbort));
  const ended = new Set([...result.done, ...result.failed.keys(), ...result.skipped.keys()]);
  result.cancelled = nodes.map((n) => n.id).filter((id) => !ended.has(id));
  return result;
}
