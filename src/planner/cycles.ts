/** Dependency cycles: one diagnostic per cycle, naming every edge with the file:line that declares it. */
import { formatLocation, type Diagnostic, type SourceRange } from '../diagnostics.js';
import { cmp, type ServiceEdge } from './graph.js';

export type Locate = (path: string[]) => SourceRange | undefined;

/** Every elementary cycle found by a DFS from each service in name order, deduplicated by node set. */
export function findCycles(services: string[], edges: ServiceEdge[]): ServiceEdge[][] {
  const known = new Set(services);
  const out = new Map<string, Map<string, ServiceEdge[]>>();
  for (const e of edges) {
    if (!known.has(e.to) || !known.has(e.from)) continue;
    const byTo = out.get(e.from) ?? new Map<string, ServiceEdge[]>();
    byTo.set(e.to, [...(byTo.get(e.to) ?? []), e]);
    out.set(e.from, byTo);
  }
  const cycles: ServiceEdge[][] = [];
  const seenSets = new Set<string>();
  const done = new Set<string>();
  const stack: ServiceEdge[] = [];
  const onStack = new Map<string, number>();
  const visit = (s: string): void => {
    onStack.set(s, stack.length);
    for (const to of [...(out.get(s)?.keys() ?? [])].sort(cmp)) {
      const edge = out.get(s)!.get(to)![0];
      if (onStack.has(to)) {
        const cycle = [...stack.slice(onStack.get(to)!), edge];
        const key = cycle.map((e) => e.from).sort().join('\u0000');
        if (!seenSets.has(key)) (seenSets.add(key), cycles.push(cycle));
        continue;
      }
      if (done.has(to)) continue;
      stack.push(edge);
      visit(to);
      stack.pop();
    }
    onStack.delete(s);
    done.add(s);
  };
  for (const s of [...services].sort(cmp)) if (!done.has(s)) visit(s);
  return cycles;
}

export function cycleDiagnostic(cycle: ServiceEdge[], locate?: Locate): Diagnostic {
  const names = [...cycle.map((e) => e.from), cycle[0].from];
  const where = cycle.map((e) => {
    const loc = formatLocation(locate?.(e.path));
    return `${e.from} → ${e.to} (${e.kind}${loc ? ' at ' + loc : ''})`;
  });
  return {
    code: 'dependency_cycle',
    severity: 'error',
    message: `dependency cycle: ${names.join(' → ')}: ${where.join(', ')}`,
    path: cycle[0].path.join('.'),
    range: locate?.(cycle[0].path),
  };
}
