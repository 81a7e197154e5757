/**
 * `environment`, `labels`, `annotations`, `env_file`, `label_file`: lists → maps, `KEY` alone
 * resolved from the project environment (else null), env/label files read in and discarded,
 * as compose-go's normalize + `WithServicesEnvironmentResolved(discard)` do for `config`.
 */
import { existsSync } from 'node:fs';
import type { EnvFileRef } from '../../model/project.js';
import { loadEnvFile } from '../dotenv.js';
import type { Path } from '../types.js';
import { absPath } from './paths.js';
import { stringMap, toBool, toStr } from './scalars.js';
import { isObject, type CanonContext } from './table.js';

type Env = Record<string, string | null>;

/** `MappingWithEquals`: `K=V` → V, `K` → null, map values stringified; nulls looked up in the project env. */
export function canonicalEnvironment(value: unknown, path: Path, c: CanonContext): unknown {
  const env: Env = {};
  if (Array.isArray(value)) {
    value.forEach((e, n) => {
      const s = toStr(e);
      const i = s.indexOf('=');
      const key = i < 0 ? s : s.slice(0, i);
      if (/\s$/.test(key)) c.ctx.report({ code: 'invalid_environment', message: `environment variable "${key}" is declared with a trailing space`, path: [...path, n] });
      env[key] = i < 0 ? null : s.slice(i + 1);
    });
  } else if (isObject(value)) {
    for (const [k, e] of Object.entries(value)) env[k] = e === null || e === undefined ? null : toStr(e);
  } else {
    c.ctx.report({ code: 'invalid_type', message: 'environment must be a list or a mapping', path });
    return undefined;
  }
  for (const k of Object.keys(env)) if (env[k] === null && k in c.env) env[k] = c.env[k]!;
  return env;
}

/** `Labels` / `Mapping`: list of `k=v` (bare `k` → "") or a map of strings. */
export function canonicalStringMap(value: unknown, path: Path, c: CanonContext): unknown {
  const out = stringMap(value);
  if (!out) c.ctx.report({ code: 'invalid_type', message: 'expected a list or a mapping', path });
  return out;
}

/** `env_file`: string, list of strings or `{path, required, format}` → long syntax, absolute paths. */
export function canonicalEnvFiles(value: unknown, path: Path, c: CanonContext): unknown {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (!list) return invalidList(c, path, 'env_file');
  const refs: EnvFileRef[] = [];
  for (const e of list) {
    if (typeof e === 'string') refs.push({ path: absPath(e, c), required: true });
    else if (isObject(e) && typeof e.path === 'string') {
      const ref: EnvFileRef = { path: absPath(e.path, c), required: toBool(e.required) ?? true };
      if (typeof e.format === 'string') ref.format = e.format;
      refs.push(ref);
    } else c.ctx.report({ code: 'invalid_type', message: 'env_file entries must be a path or {path, required}', path });
  }
  return refs;
}

/** `label_file`: string or list → absolute paths. */
export function canonicalLabelFiles(value: unknown, path: Path, c: CanonContext): unknown {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (!list) return invalidList(c, path, 'label_file');
  return list.map((e) => absPath(toStr(e), c));
}

function invalidList(c: CanonContext, path: Path, what: string): undefined {
  c.ctx.report({ code: 'invalid_type', message: `${what} must be a string or a list`, path });
  return undefined;
}

/** Read `env_file`s into `environment` (the service's own entries win) and drop `env_file`. */
export function resolveEnvFiles(service: Record<string, unknown>, path: Path, c: CanonContext): void {
  const refs = service.env_file as EnvFileRef[] | undefined;
  if (!refs || c.ctx.options.skipEnvFiles) return;
  const own = (service.environment ?? {}) as Env;
  const fromFiles: Record<string, string> = {};
  refs.forEach((ref, i) => {
    const lookup = (k: string): string | undefined => fromFiles[k] ?? c.env[k] ?? own[k] ?? undefined;
    const vars = readMappingFile(ref.path, ref.required, [...path, 'env_file', i], lookup, c);
    Object.assign(fromFiles, vars);
  });
  service.environment = { ...fromFiles, ...own };
  delete service.env_file;
}

/** Read `label_file`s into `labels` (the service's own labels win) and drop `label_file`. */
export function resolveLabelFiles(service: Record<string, unknown>, path: Path, c: CanonContext): void {
  const files = service.label_file as string[] | undefined;
  if (!files || c.ctx.options.skipEnvFiles) return;
  const fromFiles: Record<string, string> = {};
  files.forEach((file, i) => {
    Object.assign(fromFiles, readMappingFile(file, true, [...path, 'label_file', i], (k) => fromFiles[k], c));
  });
  const labels = { ...fromFiles, ...((service.labels ?? {}) as Record<string, string>) };
  if (Object.keys(labels).length) service.labels = labels;
  delete service.label_file;
}

function readMappingFile(file: string, required: boolean, path: Path, lookup: (k: string) => string | undefined, c: CanonContext): Record<string, string> {
  if (!existsSync(file)) {
    if (required) c.ctx.report({ code: 'env_file_not_found', message: `env file ${file} not found`, path });
    return {};
  }
  const result = loadEnvFile(file, lookup);
  if (result.error) {
    const where = result.error.line ? `${file}:${result.error.line}` : file;
    c.ctx.report({ code: 'env_file_invalid', message: `${where}: ${result.error.message}`, path });
  }
  return result.values;
}
