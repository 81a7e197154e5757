import { defineRule } from '../types.js';
import { serviceEdges, type Edge } from './_graph.js';
import { services } from './_util.js';

export default defineRule({
  name: 'no-dependency-cycles',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'Services must not depend on each other in a cycle (depends_on, links, `service:` references, volumes_from): compose cannot order them.' },
    messages: { cycle: 'dependency cycle: {{cycle}}' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const edges = new Map<string, Edge[]>();
    for (const s of services(ctx)) edges.set(s.name, serviceEdges(s).filter((e) => e.to !== ''));
    for (const cycle of findCycles(edges)) {
      const first = cycle[0]!;
      const names = [...cycle.map((e) => e.from), first.from].join(' -> ');
      ctx.report({ messageId: 'cycle', data: { cycle: names }, path: first.path, atKey: first.atKey, service: first.from });
    }
  },
});

/** One cycle per strongly connected component (Tarjan, linear), the shortest through its smallest name. */
function findCycles(graph: Map<string, Edge[]>): Edge[][] {
  const out: Edge[][] = [];
  for (const scc of stronglyConnected(graph)) {
    const start = [...scc].sort()[0]!;
    const cycle = shortestCycle(graph, start, scc);
    if (cycle) out.push(cycle);
  }
  return out.sort((a, b) => a[0]!.from.localeCompare(b[0]!.from));
}

function stronglyConnected(graph: Map<string, Edge[]>): Set<string>[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: Set<string>[] = [];
  let next = 0;
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const e of graph.get(v) ?? []) {
      if (!graph.has(e.to)) continue;
      if (!index.has(e.to)) {
        connect(e.to);
        low.set(v, Math.min(low.get(v)!, low.get(e.to)!));
      } else if (onStack.has(e.to)) low.set(v, Math.min(low.get(v)!, index.get(e.to)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc = new Set<string>();
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.add(w);
    } while (w !== v);
    const selfLoop = (graph.get(v) ?? []).some((e) => e.to === v);
    if (scc.size > 1 || selfLoop) out.push(scc);
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return out;
}

/** Breadth-first from `start` inside the component back to `start`. */
function shortestCycle(graph: Map<string, Edge[]>, start: string, scc: Set<string>): Edge[] | undefined {
  const via = new Map<string, Edge>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const e of graph.get(v) ?? []) {
      if (!scc.has(e.to)) continue;
      if (e.to === start) {
        const path = [e];
        for (let cur = v; cur !== start; cur = via.get(cur)!.from) path.unshift(via.get(cur)!);
        return path;
      }
      if (!via.has(e.to)) {
        via.set(e.to, e);
        queue.push(e.to);
      }
    }
  }
  return undefined;
}
