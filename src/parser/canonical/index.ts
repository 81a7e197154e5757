/**
 * Stage 5, the canonical form: every short syntax to its long syntax, compose-go's defaults
 * and normalisation (default network, resource names, implicit dependencies, env files),
 * producing the `Project` model whose serialisation is `config`'s output.
 */
import os from 'node:os';
import type { Project } from '../../model/project.js';
import { OverrideTag, ResetTag, type LoadContext, type RawMap } from '../types.js';
import { enforceUnicity } from '../merge-unique.js';
import { addImplicitDependencies } from './depends-on.js';
import { resolveEnvFiles, resolveLabelFiles } from './environment.js';
import { addDefaultNetwork, canonicalResource } from './networks.js';
import { SERVICE_TABLE } from './service-table.js';
import { isObject, transformTree, type CanonContext, type PathTable } from './table.js';

const RESOURCE_TABLE: PathTable = [
  ['networks.*', canonicalResource],
  ['volumes.*', canonicalResource],
  ['secrets.*', canonicalResource],
  ['configs.*', canonicalResource],
];

/** Top-level keys that are consumed by earlier stages and never reach the model. */
const DROPPED = ['version', 'include'];

export function canonicalize(raw: RawMap, ctx: LoadContext, projectName: string): Project {
  const c = canonContext(ctx, projectName);
  const doc = plain(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = { name: projectName, services: {} };
  for (const [key, value] of Object.entries(doc)) {
    if (DROPPED.includes(key) || key === 'name' || key === 'services') continue;
    out[key] = transformTree(value, [key], RESOURCE_TABLE, c);
  }
  const services = isObject(doc.services) ? doc.services : {};
  if (doc.services !== undefined && doc.services !== null && !isObject(doc.services)) {
    ctx.report({ code: 'invalid_type', message: 'services must be a mapping', path: ['services'] });
  }
  for (const [name, service] of Object.entries(services)) {
    (out.services as Record<string, unknown>)[name] = canonicalService(name, service, c);
  }
  // Long syntax can reveal duplicates (a port range overlapping a single port): unique again, as compose does.
  out.services = (enforceUnicity({ services: out.services } as RawMap) as RawMap).services;
  addDefaultNetwork(out);
  const networks = out.networks as Record<string, unknown> | undefined;
  if (networks && networks.default === null) networks.default = canonicalResource(null, ['networks', 'default'], c);
  return out as unknown as Project;
}

function canonicalService(name: string, service: unknown, c: CanonContext): Record<string, unknown> {
  const path = ['services', name];
  if (!isObject(service)) {
    if (service !== null) c.ctx.report({ code: 'invalid_type', message: `service ${name} must be a mapping`, path });
    return { command: null, entrypoint: null };
  }
  const s = transformTree(service, path, SERVICE_TABLE, c) as Record<string, unknown>;
  addImplicitDependencies(s);
  inheritHookImage(s);
  resolveEnvFiles(s, path, c);
  resolveLabelFiles(s, path, c);
  omitEmpty(s);
  s.command ??= null;
  s.entrypoint ??= null;
  return s;
}

/** `pre_start` hooks without an image run the service's image (compose-spec #647). */
function inheritHookImage(s: Record<string, unknown>): void {
  if (!Array.isArray(s.pre_start) || typeof s.image !== 'string' || !s.image) return;
  s.pre_start = s.pre_start.map((h) => (isObject(h) && h.image === undefined ? { ...h, image: s.image } : h));
}

/** Pointer-typed fields of compose-go's ServiceConfig: kept even when false, 0 or empty. */
const KEEP_EMPTY = new Set(['command', 'entrypoint', 'attach', 'init', 'scale', 'build', 'develop', 'blkio_config', 'credential_spec', 'deploy', 'healthcheck', 'logging', 'extends', 'provider', 'networks']);

/** Go's `omitempty`: false, 0, "", empty lists and maps vanish from a service, as they do from compose's output. */
function omitEmpty(s: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(s)) {
    if (KEEP_EMPTY.has(k) || k.startsWith('x-')) continue;
    const empty = v === false || v === 0 || v === '' || v === null || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
    if (empty) delete s[k];
  }
}

function canonContext(ctx: LoadContext, projectName: string): CanonContext {
  const env = ctx.options.env ?? process.env;
  return {
    ctx,
    projectName,
    workingDir: ctx.workingDir,
    home: env.HOME ?? os.homedir(),
    env: ctx.environment,
    resolvePaths: ctx.options.resolvePaths !== false,
    lenient: ctx.options.interpolate === false,
  };
}

/** A deep copy with any leftover `!reset`/`!override` markers unwrapped (the merge stage consumes them). */
function plain(v: unknown): unknown {
  if (v instanceof ResetTag) return undefined;
  if (v instanceof OverrideTag) return plain(v.value);
  if (Array.isArray(v)) return v.map(plain);
  if (isObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v)) {
      const p = plain(e);
      if (p !== undefined) out[k] = p;
    }
    return out;
  }
  return v;
}

export { splitShellWords } from './shell-words.js';
export { parsePortSpec } from './ports.js';
export { parseVolumeSpec } from './volumes.js';
