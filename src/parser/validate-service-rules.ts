/**
 * Consistency rules within one service (compose-go's checkConsistency): mutually exclusive or
 * contradicting attributes. A table of small rules; each reports at the node to change.
 * Conflicts are only reported between attributes the user wrote (not defaults the canonical form added).
 */
import type { Project, ServiceConfig } from '../model/project.js';
import { findEntryPath, hasSource } from './source-entries.js';
import type { LoadContext, Path } from './types.js';

type Rule = (svc: ServiceConfig, base: Path, project: Project, ctx: LoadContext) => void;

const HEALTHCHECK_KINDS = new Set(['CMD', 'CMD-SHELL', 'NONE']);
const NO_TARGET_ACTIONS = new Set(['rebuild', 'restart']);

const dockerfileConflict: Rule = (svc, base, _p, ctx) => {
  const b = svc.build;
  if (!b || typeof b !== 'object' || !b.dockerfile || !b.dockerfile_inline || !hasSource(ctx, [...base, 'build', 'dockerfile'])) return;
  ctx.report({ code: 'build_dockerfile_conflict', message: `service "${base[1]}" sets both build.dockerfile and build.dockerfile_inline`, path: [...base, 'build', 'dockerfile_inline'] });
};

const additionalContexts: Rule = (svc, base, project, ctx) => {
  const contexts = svc.build && typeof svc.build === 'object' ? svc.build.additional_contexts : undefined;
  if (!contexts || typeof contexts !== 'object' || Array.isArray(contexts)) return;
  for (const [name, value] of Object.entries(contexts)) {
    if (typeof value !== 'string' || !value.startsWith('service:')) continue;
    const ref = value.slice('service:'.length);
    const target = Object.hasOwn(project.services, ref) ? project.services[ref] : undefined;
    if (target && target.build) continue;
    const why = target ? 'has no build section' : 'does not exist';
    ctx.report({ code: 'build_context_service', message: `build context "${name}" of service "${base[1]}" names service "${ref}", which ${why}`, path: [...base, 'build', 'additional_contexts', name] });
  }
};

const platformInBuild: Rule = (svc, base, _p, ctx) => {
  const platforms = svc.build && typeof svc.build === 'object' ? svc.build.platforms : undefined;
  if (!svc.platform || !Array.isArray(platforms) || platforms.length === 0 || platforms.includes(svc.platform)) return;
  ctx.report({ code: 'platform_not_built', message: `platform "${svc.platform}" of service "${base[1]}" is not in build.platforms`, path: [...base, 'platform'] });
};

const healthcheckTest: Rule = (svc, base, _p, ctx) => {
  const test = svc.healthcheck?.test as unknown;
  if (!Array.isArray(test) || test.length === 0 || HEALTHCHECK_KINDS.has(String(test[0]))) return;
  ctx.report({
    code: 'healthcheck_test_kind',
    message: `healthcheck.test of service "${base[1]}" must start with CMD, CMD-SHELL or NONE`,
    path: [...base, 'healthcheck', 'test', 0],
  });
};

const models: Rule = (svc, base, project, ctx) => {
  const used = (svc as { models?: unknown }).models;
  const names = Array.isArray(used) ? used.filter((m): m is string => typeof m === 'string') : used && typeof used === 'object' ? Object.keys(used) : [];
  for (const m of names) {
    if (Object.hasOwn(project.models ?? {}, m)) continue;
    ctx.report({ code: 'undefined_model', message: `model "${m}" is used but not declared in the top-level models`, path: findEntryPath(ctx, [...base, 'models'], m) });
  }
};

const scaleVsReplicas: Rule = (svc, base, _p, ctx) => {
  const replicas = svc.deploy?.replicas;
  if (svc.scale === undefined || replicas === undefined || Number(svc.scale) === Number(replicas)) return;
  if (!hasSource(ctx, [...base, 'scale']) || !hasSource(ctx, [...base, 'deploy', 'replicas'])) return;
  ctx.report({ code: 'scale_replicas_conflict', message: `service "${base[1]}" sets scale ${svc.scale} and deploy.replicas ${replicas}`, path: [...base, 'scale'] });
};

/** Service-level resource attributes that duplicate deploy.resources ones must agree. */
const RESOURCE_PAIRS: [keyof ServiceConfig, Path][] = [
  ['cpus', ['limits', 'cpus']],
  ['mem_limit', ['limits', 'memory']],
  ['pids_limit', ['limits', 'pids']],
  ['mem_reservation', ['reservations', 'memory']],
];

const resourceConflicts: Rule = (svc, base, _p, ctx) => {
  const resources = svc.deploy?.resources as Record<string, Record<string, unknown> | undefined> | undefined;
  if (!resources) return;
  for (const [attr, [group, key]] of RESOURCE_PAIRS) {
    const a = svc[attr];
    const b = resources[group as string]?.[key as string];
    if (typeof a !== 'number' || typeof b !== 'number' || a === b) continue;
    ctx.report({ code: 'resource_conflict', message: `service "${base[1]}" sets ${attr} and deploy.resources.${group}.${key} to different values`, path: [...base, attr] });
  }
};

const watchTargets: Rule = (svc, base, _p, ctx) => {
  const watch = (svc.develop as { watch?: unknown } | undefined)?.watch;
  if (!Array.isArray(watch)) return;
  watch.forEach((w: { action?: string; target?: string } | null, i) => {
    if (!w || w.target || NO_TARGET_ACTIONS.has(String(w.action))) return;
    ctx.report({ code: 'watch_target_required', message: `develop.watch entry of service "${base[1]}" needs a target for action "${w.action}"`, path: [...base, 'develop', 'watch', i] });
  });
};

const mountTargets: Rule = (svc, base, _p, ctx) => {
  const seen = new Map<string, string>();
  const claim = (target: unknown, path: Path) => {
    if (typeof target !== 'string' || !target) return;
    const first = seen.get(target);
    if (first) ctx.report({ code: 'mount_target_duplicate', message: `${target} is mounted twice in service "${base[1]}" (first by ${first})`, path });
    else seen.set(target, path.slice(2).join('.'));
  };
  (Array.isArray(svc.tmpfs) ? svc.tmpfs : []).forEach((t, i) => claim(typeof t === 'string' ? t.split(':')[0] : undefined, [...base, 'tmpfs', i]));
  (Array.isArray(svc.volumes) ? svc.volumes : []).forEach((v, i) => claim(v && typeof v === 'object' ? v.target : undefined, [...base, 'volumes', i]));
};

export const SERVICE_RULES: readonly Rule[] = [
  dockerfileConflict,
  additionalContexts,
  platformInBuild,
  healthcheckTest,
  models,
  scaleVsReplicas,
  resourceConflicts,
  watchTargets,
  mountTargets,
];

/** Top-level secrets need a source unless external. */
export function checkSecretSources(project: Project, ctx: LoadContext): void {
  for (const [name, secret] of Object.entries(project.secrets ?? {})) {
    if (!secret || typeof secret !== 'object' || secret.external || secret.file || secret.environment) continue;
    const path = ['secrets', name];
    ctx.report({ code: 'secret_without_source', message: `secret "${name}" needs file or environment (or external: true)`, path, range: ctx.sources.locateKey(path) });
  }
}
