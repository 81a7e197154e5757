/**
 * The service dependency graph: edges from depends_on (every condition), links,
 * network_mode/ipc/pid `service:x` and volumes_from, each with the model path that made it.
 */
import type { Project, ServiceConfig, ServiceDependency } from '../model/project.js';

export type EdgeKind = 'depends_on' | 'links' | 'network_mode' | 'ipc' | 'pid' | 'volumes_from';

export interface ServiceEdge {
  /** The dependent service. */
  from: string;
  /** The service it needs. */
  to: string;
  kind: EdgeKind;
  /** Model path of the attribute that declares the edge (for file:line). */
  path: string[];
  dependency?: ServiceDependency;
}

/** All edges of the project, sorted by (from, to, kind) so every consumer is deterministic. */
export function serviceEdges(project: Project): ServiceEdge[] {
  const edges: ServiceEdge[] = [];
  for (const name of Object.keys(project.services).sort()) {
    edges.push(...edgesOf(name, project.services[name]));
  }
  return edges.sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.kind, b.kind));
}

function edgesOf(name: string, svc: ServiceConfig): ServiceEdge[] {
  const out: ServiceEdge[] = [];
  const base = ['services', name];
  for (const [to, dep] of dependsOnEntries(svc)) {
    out.push({ from: name, to, kind: 'depends_on', path: [...base, 'depends_on', to], dependency: dep });
  }
  (svc.links ?? []).forEach((l, i) => out.push({ from: name, to: l.split(':')[0], kind: 'links', path: [...base, 'links', String(i)] }));
  for (const kind of ['network_mode', 'ipc', 'pid'] as const) {
    const v = svc[kind];
    if (typeof v === 'string' && v.startsWith('service:')) out.push({ from: name, to: v.slice(8), kind, path: [...base, kind] });
  }
  (svc.volumes_from ?? []).forEach((v, i) => {
    if (!v.startsWith('container:')) out.push({ from: name, to: v.split(':')[0], kind: 'volumes_from', path: [...base, 'volumes_from', String(i)] });
  });
  return out.filter((e) => e.from !== e.to || e.kind === 'depends_on');
}

/** depends_on as [service, dependency]; tolerates the list form a non-canonical model may hold. */
export function dependsOnEntries(svc: ServiceConfig): [string, ServiceDependency][] {
  const raw = svc.depends_on as unknown;
  if (Array.isArray(raw)) return raw.map((s) => [String(s), { condition: 'service_started', required: true }]);
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, ServiceDependency | null>)
    .map(([k, d]): [string, ServiceDependency] => [k, { condition: d?.condition ?? 'service_started', required: d?.required ?? true, ...(d?.restart !== undefined ? { restart: d.restart } : {}) }])
    .sort((a, b) => cmp(a[0], b[0]));
}

/** Adjacency: service → the services it needs, only edges between services of the project. */
export function adjacency(project: Project, edges: ServiceEdge[]): Map<string, string[]> {
  const adj = new Map<string, string[]>();
  for (const name of Object.keys(project.services).sort()) adj.set(name, []);
  for (const e of edges) {
    if (!adj.has(e.to) || !adj.has(e.from)) continue;
    const list = adj.get(e.from)!;
    if (!list.includes(e.to)) list.push(e.to);
  }
  return adj;
}

/** The targeted services plus (unless noDeps) everything they need, transitively. */
export function serviceScope(adj: Map<string, string[]>, targets: string[], noDeps: boolean): Set<string> {
  if (!targets.length) return new Set(adj.keys());
  const seen = new Set<string>();
  const stack = [...targets];
  while (stack.length) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    if (!noDeps) stack.push(...(adj.get(s) ?? []));
  }
  return seen;
}

/** Each service's outgoing edges (the planner's cycle check walks them). */
export function edgesByService(project: Project, edges: ServiceEdge[]): Map<string, ServiceEdge[]> {
  const out = new Map<string, ServiceEdge[]>(Object.keys(project.services).map((s) => [s, []]));
  for (const e of edges) out.get(e.from)?.push(e);
  return out;
}

/** Services ordered so each comes after everything it needs; ties by name. Assumes no cycle. */
export function serviceOrder(adj: Map<string, string[]>): string[] {
  const out: string[] = [];
  const state = new Map<string, 1 | 2>();
  const visit = (s: string): void => {
    if (state.get(s)) return;
    state.set(s, 1);
    for (const d of [...(adj.get(s) ?? [])].sort()) visit(d);
    state.set(s, 2);
    out.push(s);
  };
  for (const s of [...adj.keys()].sort()) visit(s);
  return out;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
