/**
 * Stage 7b: meaning, on the canonical model after profiles. References between services and
 * to networks/volumes/secrets/configs, dependency cycles, mutually exclusive attributes.
 * Reads defensively (short or long syntax) so a half-normalised model never crashes it.
 */
import type { Project, ServiceConfig } from '../model/project.js';
import { didYouMean } from './did-you-mean.js';
import { findEntryPath, hasSource, keyRange } from './source-entries.js';
import type { LoadContext, Path } from './types.js';
import { checkCycles, serviceEdges, type ServiceEdge } from './validate-cycles.js';
import { SERVICE_RULES, checkSecretSources } from './validate-service-rules.js';

type Services = Record<string, ServiceConfig>;

/** Report every semantic error of the project; `disabled` are services filtered out by profiles. */
export function validateSemantics(project: Project, ctx: LoadContext, disabled: Services): void {
  const services = (project.services ?? {}) as Services;
  const edgesOf = new Map<string, ServiceEdge[]>();
  for (const name of Object.keys(services).sort()) {
    const svc = services[name];
    const base: Path = ['services', name];
    const edges = svc && typeof svc === 'object' ? serviceEdges(svc, base, ctx) : [];
    edgesOf.set(name, edges);
    if (!svc || typeof svc !== 'object') continue;
    checkImage(svc, base, ctx);
    checkResources(project, svc, base, ctx);
    checkServiceRefs(edges, base, services, disabled, ctx);
    checkNetworkMode(svc, base, ctx);
    checkContainerName(svc, base, ctx);
    for (const rule of SERVICE_RULES) rule(svc, base, project, ctx);
  }
  checkDuplicateContainerNames(services, ctx);
  checkSecretSources(project, ctx);
  checkCycles(edgesOf, ctx);
}

function checkImage(svc: ServiceConfig, base: Path, ctx: LoadContext): void {
  if (svc.image || svc.build || (svc as { provider?: unknown }).provider) return;
  ctx.report({ code: 'service_no_image', message: `service "${base[1]}" has neither an image nor a build context`, path: base, range: ctx.sources.locateKey(base) });
}

/** Named networks, volumes, secrets and configs a service uses must be declared at the top level. */
function checkResources(project: Project, svc: ServiceConfig, base: Path, ctx: LoadContext): void {
  const networks = { default: true, ...(project.networks ?? {}) };
  for (const net of keysOf(svc.networks)) {
    if (!Object.hasOwn(networks, net)) reportUndefined(ctx, 'undefined_network', 'network', net, [...base, 'networks'], Object.keys(networks));
  }
  listOf(svc.volumes).forEach((v, i) => {
    const source = namedVolumeSource(v);
    // With --no-interpolate, `${VAR}:/x` reads as a named volume; its real source is unknown.
    const unresolved = ctx.options.interpolate === false && source?.includes('$');
    if (source !== undefined && !unresolved && !Object.hasOwn(project.volumes ?? {}, source)) {
      reportUndefined(ctx, 'undefined_volume', 'volume', source, [...base, 'volumes', i], Object.keys(project.volumes ?? {}), true);
    }
  });
  const files: [string, unknown[], Record<string, unknown> | undefined, Path][] = [
    ['secret', listOf(svc.secrets), project.secrets, [...base, 'secrets']],
    ['config', listOf(svc.configs), project.configs, [...base, 'configs']],
    ['secret', listOf(svc.build && typeof svc.build === 'object' ? svc.build.secrets : undefined), project.secrets, [...base, 'build', 'secrets']],
  ];
  for (const [kind, refs, declared, at] of files) {
    refs.forEach((ref, i) => {
      const source = typeof ref === 'string' ? ref : (ref as { source?: string } | null)?.source;
      if (source && !Object.hasOwn(declared ?? {}, source)) reportUndefined(ctx, `undefined_${kind}`, kind, source, [...at, i], Object.keys(declared ?? {}), true);
    });
  }
}

function reportUndefined(ctx: LoadContext, code: string, kind: string, name: string, at: Path, known: string[], exact = false): void {
  const path = exact ? at : findEntryPath(ctx, at, name);
  const guess = didYouMean(name, known);
  ctx.report({
    code,
    message: `${kind} "${name}" is used but not declared in the top-level ${kind}s`,
    path,
    range: keyRange(ctx, path),
    hint: guess ? `did you mean "${guess}"?` : undefined,
  });
}

/** depends_on, links, volumes_from and `service:` modes must name an existing, active service. */
function checkServiceRefs(edges: ServiceEdge[], base: Path, services: Services, disabled: Services, ctx: LoadContext): void {
  for (const edge of edges) {
    if (Object.hasOwn(services, edge.target)) continue;
    const inactive = Object.hasOwn(disabled, edge.target);
    const optional = edge.kind === 'depends_on' && edge.required === false;
    const state = inactive ? 'is not enabled (its profiles are inactive)' : 'does not exist';
    ctx.report({
      code: inactive ? `${edge.kind}_inactive` : `${edge.kind}_undefined`,
      severity: optional ? 'warning' : 'error',
      message: `service "${base[1]}" ${edge.label} "${edge.target}", which ${state}${optional ? ' (required: false, ignored)' : ''}`,
      path: edge.path,
      range: edge.kind === 'depends_on' ? keyRange(ctx, edge.path) : undefined,
      hint: inactive ? undefined : suggestion(edge.target, Object.keys(services)),
    });
  }
}

function checkNetworkMode(svc: ServiceConfig, base: Path, ctx: LoadContext): void {
  if (!svc.network_mode || !svc.networks) return;
  const nets = keysOf(svc.networks);
  // The canonical form may add an implicit `default` network that is not in any file: not the user's doing.
  if (nets.length === 0 || (nets.length === 1 && nets[0] === 'default' && !hasSource(ctx, [...base, 'networks']))) return;
  ctx.report({
    code: 'network_mode_with_networks',
    message: `service "${base[1]}" sets both network_mode and networks, which exclude each other`,
    path: [...base, 'network_mode'],
  });
}

function checkContainerName(svc: ServiceConfig, base: Path, ctx: LoadContext): void {
  if (!svc.container_name) return;
  const scale = Math.max(toCount(svc.scale), toCount(svc.deploy?.replicas));
  if (scale <= 1) return;
  ctx.report({
    code: 'container_name_scaled',
    message: `service "${base[1]}" sets container_name "${svc.container_name}" but runs ${scale} replicas: container names must be unique`,
    path: [...base, 'container_name'],
  });
}

function checkDuplicateContainerNames(services: Services, ctx: LoadContext): void {
  const owner = new Map<string, string>();
  for (const name of Object.keys(services).sort()) {
    const cn = services[name]?.container_name;
    if (!cn) continue;
    const first = owner.get(cn);
    if (first === undefined) owner.set(cn, name);
    else ctx.report({ code: 'container_name_duplicate', message: `container_name "${cn}" is used by both "${first}" and "${name}"`, path: ['services', name, 'container_name'] });
  }
}

function suggestion(name: string, known: string[]): string | undefined {
  const guess = didYouMean(name, known);
  return guess ? `did you mean "${guess}"?` : undefined;
}

function toCount(v: unknown): number {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : 1;
}

export function keysOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return v && typeof v === 'object' ? Object.keys(v) : [];
}

function listOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The named volume a mount uses, long syntax or short (`name:/path[:mode]`); undefined for binds etc. */
function namedVolumeSource(v: unknown): string | undefined {
  if (v && typeof v === 'object') {
    const m = v as { type?: string; source?: string };
    return m.type === 'volume' && m.source ? m.source : undefined;
  }
  if (typeof v !== 'string') return undefined;
  const parts = v.split(':');
  if (parts.length < 2) return undefined;
  const src = parts[0]!;
  return src && !/^[.~/\\$]/.test(src) && !src.includes('/') && !/^[A-Za-z]$/.test(src) ? src : undefined;
}
