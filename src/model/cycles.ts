/**
 * Dependency cycles between services, one finder for the loader, the planner and lint: every distinct
 * cycle a depth-first walk meets (services and their edges in name order), each once, as its edges from
 * the service where the walk entered it. Iterative: a chain of thousands of services must not overflow
 * the call stack.
 */

/** Enough to fix a file; a dense graph has exponentially many cycles. */
export const MAX_CYCLES = 20;

/** A cycle: `edges[k]` leads from `members[k]` to the next member (the last one back to the first). */
export interface Cycle<E> {
  members: string[];
  edges: E[];
}

/** `graph`: each service's outgoing edges; edges to services not in it are ignored. */
export function findCycles<E>(graph: Map<string, E[]>, target: (e: E) => string, limit = MAX_CYCLES): Cycle<E>[] {
  const edgesOf = new Map<string, E[]>();
  for (const name of [...graph.keys()].sort()) edgesOf.set(name, graph.get(name)!.filter((e) => graph.has(target(e))));
  const state = new Map<string, 'active' | 'done'>();
  const found = new Map<string, Cycle<E>>();
  for (const start of edgesOf.keys()) {
    if (state.has(start) || found.size >= limit) continue;
    const nodes = [start];
    const via: E[] = []; // via[k] leads from nodes[k] to nodes[k + 1]
    const next = [0];
    state.set(start, 'active');
    while (nodes.length) {
      const top = nodes.length - 1;
      const edges = edgesOf.get(nodes[top]!)!;
      const i = next[top]!;
      if (i >= edges.length) {
        state.set(nodes[top]!, 'done');
        nodes.pop();
        next.pop();
        via.pop();
        continue;
      }
      next[top] = i + 1;
      const e = edges[i]!;
      const to = target(e);
      const s = state.get(to);
      if (s === 'active' && found.size < limit) {
        const at = nodes.indexOf(to);
        const members = nodes.slice(at);
        const key = rotated(members);
        if (!found.has(key)) found.set(key, { members, edges: [...via.slice(at), e] });
      }
      if (s) continue;
      nodes.push(to);
      via.push(e);
      next.push(0);
      state.set(to, 'active');
    }
  }
  return [...found.values()];
}

/** The same cycle met from another service is the same cycle: rotate it to its smallest member. */
function rotated(members: string[]): string {
  const min = members.reduce((a, b) => (b < a ? b : a));
  const i = members.indexOf(min);
  return [...members.slice(i), ...members.slice(0, i)].join('\u0000');
}
