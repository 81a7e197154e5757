/**
 * Relative paths of a model loaded from another directory (extends `file:`, include) made absolute
 * against that directory, as compose-go `paths.ResolveRelativePaths` does for those models; the
 * main project's own relative paths are left to the canonical stage (project directory).
 */
import path from 'node:path';
import { copyMap } from './merge-rules.js';
import { splitVolumeSpec } from './merge-unique.js';
import type { RawMap, RawValue } from './types.js';
import { isMap } from './types.js';

type Resolve = (p: string) => string;

export interface RebaseOptions {
  /** Include models get compose's default `build.context: .` before their paths are resolved. */
  defaultBuildContext?: boolean;
}

/** Every path-like attribute of one raw service, resolved against `dir`. Returns a new map. */
export function rebaseService(service: RawMap, dir: string, opts: RebaseOptions = {}): RawMap {
  const abs: Resolve = (p) => resolveLocal(dir, p);
  const out = copyMap(service);
  if ('build' in out) out.build = rebaseBuild(out.build!, abs, opts);
  if ('env_file' in out) out.env_file = mapList(out.env_file!, (e) => (isMap(e) ? withKey(e as RawMap, 'path', abs) : str(e, abs)));
  if ('label_file' in out) out.label_file = mapList(out.label_file!, (e) => str(e, abs));
  if (isMap(out.extends)) out.extends = withKey(out.extends as RawMap, 'file', abs);
  if (Array.isArray(out.volumes)) out.volumes = out.volumes.map((v) => rebaseVolume(v, abs));
  const develop = out.develop;
  if (isMap(develop) && Array.isArray(develop.watch)) {
    out.develop = { ...develop, watch: develop.watch.map((w) => (isMap(w) ? withKey(w as RawMap, 'path', abs) : w)) };
  }
  return out;
}

/** A whole included model: services plus top-level secrets/configs files and local bind volumes. */
export function rebaseModel(model: RawMap, dir: string, opts: RebaseOptions = {}): RawMap {
  const abs: Resolve = (p) => resolveLocal(dir, p);
  const out = copyMap(model);
  if (isMap(out.services)) out.services = eachEntry(out.services, (s) => (isMap(s) ? rebaseService(s as RawMap, dir, opts) : s));
  for (const key of ['secrets', 'configs']) {
    if (isMap(out[key])) out[key] = eachEntry(out[key]!, (d) => (isMap(d) ? withKey(d as RawMap, 'file', abs) : d));
  }
  if (isMap(out.volumes)) out.volumes = eachEntry(out.volumes, (v) => rebaseVolumeDevice(v, abs));
  return out;
}

/** Absolute paths, `~` paths and empty strings stay as they are. */
export function resolveLocal(dir: string, p: string): string {
  if (p === '' || p.startsWith('~') || path.isAbsolute(p)) return p;
  return path.join(dir, p);
}

function rebaseBuild(build: RawValue, abs: Resolve, opts: RebaseOptions): RawValue {
  const b = typeof build === 'string' ? { context: build } : isMap(build) ? copyMap(build as RawMap) : undefined;
  if (!b) return build;
  if (b.context === undefined && opts.defaultBuildContext) b.context = '.';
  if (typeof b.context === 'string' && !isRemoteContext(b.context)) b.context = abs(b.context);
  if (b.additional_contexts !== undefined) b.additional_contexts = rebaseKeyed(b.additional_contexts, (p) => (isRemoteContext(p) ? p : abs(p)));
  if (b.ssh !== undefined) b.ssh = rebaseKeyed(b.ssh, abs);
  return b;
}

/** `{k: path}` or `[k=path]`: the path part resolved; a bare `k` (e.g. ssh `default`) kept. */
function rebaseKeyed(v: RawValue, resolve: Resolve): RawValue {
  if (isMap(v)) return eachEntry(v, (p) => str(p, resolve));
  if (!Array.isArray(v)) return v;
  return v.map((e) => {
    if (typeof e !== 'string' || !e.includes('=')) return e;
    const eq = e.indexOf('=');
    return `${e.slice(0, eq)}=${resolve(e.slice(eq + 1))}`;
  });
}

/** Short syntax `./src:/dst[:mode]` or long `{type: bind, source}`; named volumes untouched. */
function rebaseVolume(v: RawValue, abs: Resolve): RawValue {
  if (isMap(v)) return v.type === 'bind' && typeof v.source === 'string' ? withKey(v as RawMap, 'source', abs) : v;
  if (typeof v !== 'string') return v;
  const parts = splitVolumeSpec(v);
  if (parts.length < 2 || !parts[0]!.startsWith('.')) return v;
  return [abs(parts[0]!), ...parts.slice(1)].join(':');
}

function rebaseVolumeDevice(v: RawValue, abs: Resolve): RawValue {
  if (!isMap(v) || v.driver !== 'local' || !isMap(v.driver_opts)) return v;
  const o = v.driver_opts as RawMap;
  if (o.o !== 'bind' || typeof o.device !== 'string') return v;
  return { ...v, driver_opts: withKey(o, 'device', abs) };
}

function isRemoteContext(p: string): boolean {
  return p.includes('://') || p.startsWith('service:') || /^(https?:\/\/|git:\/\/|ssh:\/\/|github\.com\/|git@)/.test(p);
}

function withKey(m: RawMap, key: string, resolve: Resolve): RawMap {
  const v = m[key];
  if (typeof v !== 'string') return m;
  const out = copyMap(m);
  out[key] = resolve(v);
  return out;
}

function str(v: RawValue, resolve: Resolve): RawValue {
  return typeof v === 'string' ? resolve(v) : v;
}

function mapList(v: RawValue, f: (e: RawValue) => RawValue): RawValue {
  return Array.isArray(v) ? v.map(f) : f(v);
}

function eachEntry(v: RawValue, f: (e: RawValue) => RawValue): RawValue {
  if (!isMap(v)) return v;
  const out = copyMap(v as RawMap);
  for (const [k, e] of Object.entries(out)) out[k] = f(e);
  return out;
}
