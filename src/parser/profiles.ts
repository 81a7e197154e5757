/**
 * Stage 6: profiles and selected services (compose-go Project.WithProfiles,
 * WithServicesEnabled, WithSelectedServices). A service without profiles is always active;
 * one with profiles when one of them is enabled (`*` enables all). Services named on the
 * command line enable their own profiles and narrow the project to themselves and their
 * depends_on, transitively. Networks, volumes, secrets and configs are kept.
 */
import type { Project, ServiceConfig } from '../model/project.js';
import type { LoadContext } from './types.js';

type Services = Record<string, ServiceConfig>;

export interface ProfilesResult {
  project: Project;
  disabled: Services;
  /** The profiles in effect, including those enabled by services named on the command line. */
  activeProfiles: string[];
}

export function applyProfiles(project: Project, ctx: LoadContext): ProfilesResult {
  let profiles = requestedProfiles(ctx);
  const all = project.services;
  let { enabled, disabled } = splitByProfiles(all, profiles);
  const selected = ctx.options.services ?? [];
  if (selected.length === 0) return { project: { ...project, services: enabled }, disabled, activeProfiles: profiles };

  // Named services enable their profiles (compose: WithServicesEnabled)...
  const extra = selected.flatMap((n) => (Object.hasOwn(enabled, n) || !Object.hasOwn(all, n) ? [] : (all[n]!.profiles ?? [])));
  if (extra.length) {
    profiles = unique([...profiles, ...extra]);
    ({ enabled, disabled } = splitByProfiles(all, profiles));
  }
  // ...then the project narrows to them and their dependencies (WithSelectedServices).
  const keep = selectWithDependencies(selected, enabled, ctx);
  const services: Services = Object.create(null);
  for (const [name, svc] of Object.entries(enabled)) {
    if (keep.has(name)) services[name] = dropUnselectedOptionalDeps(svc, keep);
    else disabled[name] = svc;
  }
  return { project: { ...project, services }, disabled, activeProfiles: profiles };
}

/** `--profile` values, else COMPOSE_PROFILES from the environment (which includes `.env`). */
function requestedProfiles(ctx: LoadContext): string[] {
  const given = ctx.options.profiles?.filter((p) => p !== '') ?? [];
  if (given.length) return unique(given);
  const env = ctx.environment['COMPOSE_PROFILES'];
  return env ? unique(env.split(',').map((s) => s.trim()).filter(Boolean)) : [];
}

export function hasProfile(svc: ServiceConfig, profiles: readonly string[]): boolean {
  const own = svc.profiles ?? [];
  if (own.length === 0) return true;
  return profiles.some((p) => p === '*' || own.includes(p));
}

function splitByProfiles(all: Services, profiles: readonly string[]): { enabled: Services; disabled: Services } {
  // Prototype-free: a service may be called `__proto__` or `constructor`.
  const enabled: Services = Object.create(null);
  const disabled: Services = Object.create(null);
  for (const [name, svc] of Object.entries(all)) {
    if (hasProfile(svc, profiles)) enabled[name] = svc;
    else disabled[name] = svc;
  }
  return { enabled, disabled };
}

/**
 * The named services (glob patterns, as compose's filepath.Match) and, transitively, their
 * depends_on among the enabled services. A name matching nothing is an error; a dependency
 * that is missing or inactive is left to the semantic validation, which reports it.
 */
function selectWithDependencies(names: string[], enabled: Services, ctx: LoadContext): Set<string> {
  const keep = new Set<string>();
  const stack: string[] = [];
  for (const pattern of names) {
    const re = globToRegExp(pattern);
    const hits = Object.keys(enabled).filter((n) => re.test(n));
    if (hits.length === 0) ctx.report({ code: 'no_such_service', message: `no such service: ${pattern}` });
    stack.push(...hits);
  }
  while (stack.length) {
    const name = stack.pop()!;
    if (keep.has(name)) continue;
    keep.add(name);
    for (const dep of Object.keys(enabled[name]!.depends_on ?? {})) {
      if (Object.hasOwn(enabled, dep) && !keep.has(dep)) stack.push(dep);
    }
  }
  return keep;
}

/** compose removes depends_on entries outside the selection; required ones stay so validation reports them. */
function dropUnselectedOptionalDeps(svc: ServiceConfig, keep: Set<string>): ServiceConfig {
  const deps = svc.depends_on;
  if (!deps) return svc;
  const kept = Object.entries(deps).filter(([dep, d]) => keep.has(dep) || d.required !== false);
  if (kept.length === Object.keys(deps).length) return svc;
  return { ...svc, depends_on: Object.fromEntries(kept) };
}

/** Go filepath.Match syntax: `*`, `?`, `[...]` (with `^` negation), `\` escapes. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]!);
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) return /(?!)/; // malformed: matches nothing, like filepath.Match's ErrBadPattern
      const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
      re += `[${body}]`;
      i = end;
    } else re += escapeRe(c);
  }
  try {
    return new RegExp(`^${re}$`, 'u');
  } catch {
    return /(?!)/;
  }
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
