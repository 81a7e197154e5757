/**
 * compose-go's `WithoutUnnecessaryResources` and `WithSelectedServices`: the project as
 * `docker compose` uses it, with only the networks, volumes, secrets and configs that its
 * services reference, optionally narrowed to some services and their dependencies.
 */
import type { Project, ServiceConfig } from './project.js';

/** Keep only the top-level resources some service uses. */
export function withoutUnusedResources(project: Project): Project {
  const used = { networks: new Set<string>(), volumes: new Set<string>(), secrets: new Set<string>(), configs: new Set<string>() };
  for (const s of Object.values(project.services)) {
    for (const n of Object.keys(s.networks ?? {})) used.networks.add(n);
    for (const v of s.volumes ?? []) if (v.type === 'volume' && v.source) used.volumes.add(v.source);
    for (const r of [...(s.secrets ?? []), ...(s.build?.secrets ?? [])]) used.secrets.add(r.source);
    for (const r of s.configs ?? []) used.configs.add(r.source);
  }
  const out: Project = { ...project };
  for (const kind of ['networks', 'volumes', 'secrets', 'configs'] as const) {
    const all = project[kind] as Record<string, unknown> | undefined;
    if (!all) continue;
    const kept = Object.fromEntries(Object.entries(all).filter(([k]) => used[kind].has(k)));
    if (Object.keys(kept).length) (out as unknown as Record<string, unknown>)[kind] = kept;
    else delete out[kind];
  }
  return out;
}

/** The named services and everything they depend on; dependencies on services left out are dropped. */
export function withSelectedServices(project: Project, names: string[]): Project {
  if (!names.length) return project;
  const keep = new Set<string>();
  const visit = (n: string) => {
    if (keep.has(n) || !project.services[n]) return;
    keep.add(n);
    for (const d of Object.keys(project.services[n]!.depends_on ?? {})) visit(d);
  };
  names.forEach(visit);
  const services: Record<string, ServiceConfig> = {};
  for (const [n, s] of Object.entries(project.services)) {
    if (!keep.has(n)) continue;
    const deps = s.depends_on ? Object.fromEntries(Object.entries(s.depends_on).filter(([d]) => keep.has(d))) : undefined;
    services[n] = deps && Object.keys(deps).length ? { ...s, depends_on: deps } : omitKey(s, 'depends_on');
  }
  return { ...project, services };
}

function omitKey(s: ServiceConfig, key: 'depends_on'): ServiceConfig {
  const { [key]: _drop, ...rest } = s;
  return rest as ServiceConfig;
}

/** Service names with every dependency before its dependents (compose's `ForEachService` order). */
export function servicesInDependencyOrder(project: Project): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n) || !project.services[n]) return;
    seen.add(n);
    for (const d of Object.keys(project.services[n]!.depends_on ?? {}).sort()) visit(d);
    out.push(n);
  };
  Object.keys(project.services).sort().forEach(visit);
  return out;
}
