/**
 * Service-to-service references (depends_on, links, volumes_from, `service:` modes) and the
 * cycles they form. A cycle is reported once, naming all of it: `a -> b -> c -> a`.
 */
import { findCycles } from '../model/cycles.js';
import type { ServiceConfig } from '../model/project.js';
import { findEntryPath, hasSource, keyRange } from './source-entries.js';
import type { LoadContext, Path } from './types.js';

export type EdgeKind = 'depends_on' | 'links' | 'volumes_from' | 'network_mode' | 'ipc' | 'pid';

export interface ServiceEdge {
  kind: EdgeKind;
  target: string;
  /** The node that names the target. */
  path: Path;
  /** A short verb phrase for messages: `depends on`, `links to`, ... */
  label: string;
  required?: boolean;
}

const MODE_LABEL: Record<string, string> = { network_mode: 'shares the network of', ipc: 'shares the IPC namespace of', pid: 'shares the PID namespace of' };

/** Every reference from one service to another, with the path of the node that makes it. */
export function serviceEdges(svc: ServiceConfig, base: Path, ctx: LoadContext): ServiceEdge[] {
  const edges: ServiceEdge[] = [];
  const deps = svc.depends_on as unknown;
  if (Array.isArray(deps)) {
    deps.forEach((d, i) => typeof d === 'string' && edges.push({ kind: 'depends_on', target: d, path: [...base, 'depends_on', i], label: 'depends on' }));
  } else if (deps && typeof deps === 'object') {
    for (const [target, spec] of Object.entries(deps as Record<string, { required?: unknown } | null>)) {
      const required = spec?.required === false || spec?.required === 'false' ? false : true;
      edges.push({ kind: 'depends_on', target, path: findEntryPath(ctx, [...base, 'depends_on'], target), label: 'depends on', required });
    }
  }
  asList(svc.links).forEach((l, i) => edges.push({ kind: 'links', target: l.split(':')[0]!, path: [...base, 'links', i], label: 'links to' }));
  asList(svc.volumes_from).forEach((v, i) => {
    if (v.startsWith('container:')) return;
    edges.push({ kind: 'volumes_from', target: v.replace(/^service:/, '').split(':')[0]!, path: [...base, 'volumes_from', i], label: 'mounts the volumes of' });
  });
  for (const kind of ['network_mode', 'ipc', 'pid'] as const) {
    const mode = (svc as unknown as Record<string, unknown>)[kind];
    if (typeof mode === 'string' && mode.startsWith('service:')) {
      edges.push({ kind, target: mode.slice('service:'.length), path: [...base, kind], label: MODE_LABEL[kind]! });
    }
  }
  // The canonical form adds a depends_on entry for each link, volumes_from and `service:` mode
  // (as compose does); the user wrote the reference, so report that one, not the implied entry.
  const explicit = new Set(edges.filter((e) => e.kind !== 'depends_on').map((e) => e.target));
  return edges.filter((e) => e.kind !== 'depends_on' || !explicit.has(e.target) || hasSource(ctx, e.path));
}

/** Report each dependency cycle once, at the reference that starts it; `edgesOf` has every active service. */
export function checkCycles(edgesOf: Map<string, ServiceEdge[]>, ctx: LoadContext): void {
  for (const { members, edges } of findCycles(edgesOf, (e) => e.target)) {
    const edge = edges[0]!;
    const range = edge.kind === 'depends_on' ? keyRange(ctx, edge.path) : undefined;
    ctx.report({ code: 'dependency_cycle', message: `dependency cycle: ${[...members, members[0]].join(' -> ')}`, path: edge.path, range });
  }
}

function asList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
