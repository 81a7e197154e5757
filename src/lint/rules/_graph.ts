/** The service dependency graph compose orders start-up by: depends_on, links, `service:` references, volumes_from. */
import type { Path } from '../../parser/types.js';
import { attr, listItems, listOrMapEntries, type ServiceEntry } from './_util.js';

export interface Edge {
  from: string;
  to: string;
  path: Path;
  atKey: boolean;
  via: string;
}

/** Edges from one service, each with the path of the reference. */
export function serviceEdges(s: ServiceEntry): Edge[] {
  const out: Edge[] = [];
  const deps = s.svc.depends_on;
  for (const e of listOrMapEntries(deps)) {
    out.push({ from: s.name, to: e.name, path: [...s.path, 'depends_on', e.seg], atKey: !Array.isArray(deps), via: 'depends_on' });
  }
  for (const l of listItems(s, 'links')) out.push({ from: s.name, to: l.value.split(':')[0]!, path: l.path, atKey: false, via: 'links' });
  for (const key of ['network_mode', 'ipc', 'pid']) {
    const a = attr(s, key);
    if (a?.value.startsWith('service:')) out.push({ from: s.name, to: a.value.slice(8), path: a.path, atKey: false, via: key });
  }
  for (const v of listItems(s, 'volumes_from')) {
    const ref = volumesFromService(v.value);
    if (ref) out.push({ from: s.name, to: ref, path: v.path, atKey: false, via: 'volumes_from' });
  }
  return out;
}

/** `svc`, `svc:ro`, `service:svc[:mode]` name a service; `container:x` does not. */
export function volumesFromService(v: string): string | undefined {
  if (v.startsWith('container:')) return undefined;
  const rest = v.startsWith('service:') ? v.slice(8) : v;
  return rest.split(':')[0];
}

