/**
 * The loader: the one place that knows the order of the stages.
 * files → environment → per file (read, parse, interpolate, include, extends) → merge →
 * resets → schema → project name → canonical form → profiles → meaning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import type { Project, ProjectMeta, ServiceConfig } from '../model/project.js';
import { canonicalize } from './canonical/index.js';
import { buildEnvironment } from './environment.js';
import { applyExtends } from './extends.js';
import { resolveFiles } from './files.js';
import { applyIncludes } from './include.js';
import { interpolateTree } from './interpolate.js';
import { mergeModels, resolveResets } from './merge.js';
import { parseYamlFile } from './parse-yaml.js';
import { applyProfiles } from './profiles.js';
import { resolveProjectName } from './project-name.js';
import { SourceIndex } from './source-index.js';
import type { LoadContext, LoadOptions, Path, RawMap } from './types.js';
import { formatPath } from './types.js';
import { validateSchema } from './validate-schema.js';
import { validateSemantics } from './validate-semantics.js';

export interface LoadResult {
  project?: Project;
  meta?: ProjectMeta;
  /** The merged raw model before canonical form (lint and `config --no-normalize` read it). */
  raw?: RawMap;
  diagnostics: Diagnostic[];
  sources: SourceIndex;
}

export function createContext(options: LoadOptions, sources = new SourceIndex()): LoadContext {
  const diagnostics: Diagnostic[] = [];
  const ctx: LoadContext = {
    options,
    diagnostics,
    sources,
    environment: {},
    includedValues: {},
    workingDir: options.cwd ?? process.cwd(),
    report(d) {
      const range = d.range ?? (d.path ? sources.locate(d.path, { file: d.file }) : undefined);
      diagnostics.push({
        code: d.code,
        severity: d.severity ?? 'error',
        message: d.message,
        path: d.path ? formatPath(d.path) : undefined,
        range,
        hint: d.hint,
      });
    },
  };
  return ctx;
}

export function loadProject(options: LoadOptions = {}): LoadResult {
  const ctx = createContext(options);
  const probe = probeDotEnv(options);
  const files = resolveFiles(probe?.options ?? options, ctx);
  if (!files) return { diagnostics: ctx.diagnostics, sources: ctx.sources };
  ctx.workingDir = files.workingDir;
  if (probe && probe.dir === files.workingDir) {
    // The probe already read this directory's .env: keep its result instead of reading it again.
    ctx.environment = probe.environment;
    ctx.diagnostics.push(...probe.diagnostics);
  } else {
    ctx.environment = buildEnvironment(options, ctx);
  }
  if (hasErrors(ctx.diagnostics)) return { diagnostics: ctx.diagnostics, sources: ctx.sources };

  const raw = loadRawFiles(files.files, ctx, []);
  if (!raw || hasErrors(ctx.diagnostics)) return { raw, diagnostics: ctx.diagnostics, sources: ctx.sources };
  validateSchema(raw, ctx);
  if (hasErrors(ctx.diagnostics)) return { raw, diagnostics: ctx.diagnostics, sources: ctx.sources };

  const name = resolveProjectName(options, raw, ctx);
  const all = canonicalize(raw, ctx, name);
  const { project, disabled, activeProfiles } = applyProfiles(all, ctx);
  validateSemantics(project, ctx, disabled);
  const meta: ProjectMeta = {
    workingDir: ctx.workingDir,
    configFiles: files.files,
    environment: ctx.environment,
    includedValues: ctx.includedValues,
    disabledServices: disabled as Record<string, ServiceConfig>,
    activeProfiles,
  };
  return { project, meta, raw, diagnostics: ctx.diagnostics, sources: ctx.sources };
}

/**
 * Like compose, COMPOSE_FILE may come from the `.env` of the project directory (or cwd): read that
 * environment before the files are found, and hand it on so it is not read twice.
 */
function probeDotEnv(options: LoadOptions): { options: LoadOptions; dir: string; environment: Record<string, string>; diagnostics: Diagnostic[] } | undefined {
  const env = options.env ?? process.env;
  if (options.files?.length || env.COMPOSE_FILE) return undefined;
  const probe = createContext(options);
  probe.workingDir = path.resolve(options.cwd ?? process.cwd(), options.projectDirectory ?? '.');
  const environment = buildEnvironment(options, probe);
  const composeFile = environment.COMPOSE_FILE;
  return {
    options: composeFile ? { ...options, env: { ...env, COMPOSE_FILE: composeFile } } : options,
    dir: probe.workingDir,
    environment,
    diagnostics: probe.diagnostics,
  };
}

/** Per file: read, parse, interpolate, include, extends; then merge all files in order. */
export function loadRawFiles(files: string[], ctx: LoadContext, stack: string[]): RawMap | undefined {
  let merged: RawMap | undefined;
  for (const file of files) {
    const raw = loadRawFile(file, ctx, stack);
    if (!raw) continue;
    merged = merged ? mergeModels(merged, raw, ctx) : raw;
  }
  return merged ? resolveResets(merged) : undefined;
}

export function loadRawFile(file: string, ctx: LoadContext, stack: string[]): RawMap | undefined {
  const parsed = parseFile(file, ctx);
  if (!parsed) return undefined;
  let raw = ctx.options.interpolate === false ? parsed : interpolateTree(parsed, ctx, file);
  raw = applyIncludes(raw, ctx, file, [...stack, file]);
  raw = applyExtends(raw, ctx, file);
  return raw;
}

/** Read and parse one file, registering its positions; parse errors go to ctx. */
export function parseFile(file: string, ctx: LoadContext): RawMap | undefined {
  let text: string;
  try {
    text = ctx.options.overrides?.[file] ?? readFileSync(file, 'utf8');
  } catch (e) {
    ctx.report({ code: 'file_unreadable', message: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return undefined;
  }
  const display = displayPath(file, ctx.options.cwd ?? process.cwd());
  const parsed = parseYamlFile(file, text, display);
  ctx.sources.add(parsed.source);
  ctx.diagnostics.push(...parsed.diagnostics);
  return parsed.value;
}

export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && rel.length < file.length ? rel : file;
}

export type { Path };
