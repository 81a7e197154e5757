/**
 * Stage 4 (include), per file before extends (compose-go `loader/include.go`): every entry is loaded
 * as its own model, with its own project directory (relative paths resolved against it) and its
 * own `env_file` (default `<project_directory>/.env`; the parent's environment wins), then its
 * resources are copied in. A resource also defined by the including file keeps the including
 * file's definition merged over the included one (compose-go does so; a warning says so).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadEnvFile } from './dotenv.js';
import { displayPath, loadRawFiles } from './load.js';
import { mergeAt, stripMarkers } from './merge.js';
import { copyMap, emptyMap } from './merge-rules.js';
import { rebaseModel } from './rebase-paths.js';
import type { LoadContext, Path, RawMap, RawValue } from './types.js';
import { isMap } from './types.js';

const RESOURCES = ['services', 'volumes', 'networks', 'secrets', 'configs', 'models'] as const;

interface IncludeEntry {
  paths: string[];
  projectDirectory?: string;
  envFiles?: string[];
}

export function applyIncludes(raw: RawMap, ctx: LoadContext, file: string, stack: string[]): RawMap {
  if (!('include' in raw)) return raw;
  const out = copyMap(raw);
  delete out.include;
  const list = raw.include;
  if (list === null) return out;
  if (!Array.isArray(list)) {
    ctx.report({ code: 'include_invalid', message: '"include" must be a list', path: ['include'], file });
    return out;
  }
  list.forEach((item, i) => {
    const at: Path = ['include', i];
    const entry = parseEntry(item);
    if (!entry) {
      ctx.report({ code: 'include_invalid', message: 'an include entry is a path or a mapping with "path"', path: at, file });
      return;
    }
    const model = loadIncluded(entry, ctx, file, stack, at);
    if (model) importResources(model, out, ctx, file, entry.paths[0]!);
  });
  return out;
}

function parseEntry(item: RawValue): IncludeEntry | undefined {
  if (typeof item === 'string') return { paths: [item] };
  if (!isMap(item)) return undefined;
  const paths = strings(item.path);
  if (!paths?.length) return undefined;
  const entry: IncludeEntry = { paths };
  if (typeof item.project_directory === 'string') entry.projectDirectory = item.project_directory;
  const envFiles = strings(item.env_file);
  if (envFiles) entry.envFiles = envFiles;
  return entry;
}

/** Load one include entry with its own working directory and environment; undefined on error. */
function loadIncluded(entry: IncludeEntry, ctx: LoadContext, file: string, stack: string[], at: Path): RawMap | undefined {
  const parentDir = ctx.workingDir;
  const files = entry.paths.map((p) => (path.isAbsolute(p) ? p : path.join(parentDir, p)));
  const missing = files.find((f) => !existsSync(f) && ctx.options.overrides?.[f] === undefined);
  if (missing) {
    ctx.report({ code: 'include_file_not_found', message: `included file ${missing} not found`, path: at, file });
    return undefined;
  }
  if (stack.includes(files[0]!)) {
    const chain = [...stack, files[0]!].map((f) => displayPath(f, ctx.options.cwd ?? process.cwd()));
    ctx.report({ code: 'include_cycle', message: `include cycle: ${chain.join(' → ')}`, path: at, file });
    return undefined;
  }
  const projectDir = entry.projectDirectory === undefined ? path.dirname(files[0]!) : path.resolve(parentDir, entry.projectDirectory);
  const env = includeEnvironment(entry, ctx, projectDir, file, at);
  if (!env) return undefined;
  const saved = { workingDir: ctx.workingDir, environment: ctx.environment };
  ctx.workingDir = projectDir;
  ctx.environment = env;
  try {
    const model = loadRawFiles(files, ctx, stack);
    if (model) recordFileObjectValues(model, env, ctx);
    return model && resolveListEnvironment(rebaseModel(model, projectDir, { defaultBuildContext: true }), env);
  } finally {
    ctx.workingDir = saved.workingDir;
    ctx.environment = saved.environment;
  }
}

/** The env files' variables under the parent's environment (the parent wins). */
function includeEnvironment(entry: IncludeEntry, ctx: LoadContext, projectDir: string, file: string, at: Path): Record<string, string> | undefined {
  const parent = ctx.environment;
  let envFiles: string[];
  if (entry.envFiles === undefined) {
    const dflt = path.join(projectDir, '.env');
    envFiles = isFile(dflt) ? [dflt] : [];
  } else {
    envFiles = entry.envFiles.filter((f) => f !== '/dev/null').map((f) => (path.isAbsolute(f) ? f : path.join(ctx.workingDir, f)));
  }
  const fromFiles: Record<string, string> = Object.create(null);
  for (const envFile of envFiles) {
    const r = loadEnvFile(envFile, (k) => parent[k] ?? fromFiles[k], fromFiles);
    if (r.error) {
      ctx.report({ code: 'include_env_file', message: r.error.message, path: [...at, 'env_file'], file });
      return undefined;
    }
  }
  return Object.assign(Object.create(null) as Record<string, string>, fromFiles, parent);
}

/** compose reads `environment: VAR` of an included secret or config from the include's environment, too. */
function recordFileObjectValues(model: RawMap, env: Record<string, string>, ctx: LoadContext): void {
  for (const kind of ['secrets', 'configs'] as const) {
    const defs = model[kind];
    if (!isMap(defs)) continue;
    for (const [name, def] of Object.entries(defs as RawMap)) {
      const variable = isMap(def) ? (def as RawMap).environment : undefined;
      if (typeof variable === 'string' && env[variable] !== undefined) ctx.includedValues[`${kind}.${name}`] = { variable, value: env[variable] };
    }
  }
}

/** compose resolves `environment: [VAR]` entries of an included model from the include's environment. */
function resolveListEnvironment(model: RawMap, env: Record<string, string>): RawMap {
  if (!isMap(model.services)) return model;
  const services = copyMap(model.services as RawMap);
  for (const [name, s] of Object.entries(services)) {
    if (!isMap(s) || !Array.isArray(s.environment)) continue;
    const environment = s.environment.map((e) => (typeof e === 'string' && !e.includes('=') && env[e] !== undefined ? `${e}=${env[e]}` : e));
    services[name] = { ...s, environment } as RawMap;
  }
  return { ...model, services } as RawMap;
}

/** Copy resources in; on a name clash the including file's definition is merged over the included one. */
function importResources(model: RawMap, target: RawMap, ctx: LoadContext, file: string, from: string): void {
  for (const key of RESOURCES) {
    const src = model[key];
    if (!isMap(src)) continue;
    const to = isMap(target[key]) ? copyMap(target[key] as RawMap) : emptyMap();
    for (const [name, def] of Object.entries(src as RawMap)) {
      const mine = to[name];
      if (mine === undefined) {
        to[name] = def;
        continue;
      }
      if (!sameValue(stripMarkers(mine), def)) {
        const message = `${key} "${name}" is also defined in included file ${displayPath(from, ctx.options.cwd ?? process.cwd())}; this definition is merged over it`;
        ctx.report({ code: 'include_conflict', severity: 'warning', message, path: [key, name], file });
      }
      to[name] = mergeAt(def, mine, [key, name], ctx);
    }
    target[key] = to;
  }
}

/** Deep equality of raw values, whatever the objects' prototypes. */
function sameValue(a: RawValue, b: RawValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]!));
  if (!isMap(a) || !isMap(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameValue((a as RawMap)[k]!, (b as RawMap)[k]!));
}

function strings(v: RawValue | undefined): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return undefined;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
