/** Types shared by the loader stages. Each stage is `(input, ctx) => output`, reporting into ctx. */
import type { Diagnostic, Severity, SourceRange } from '../diagnostics.js';
import type { IncludedValues } from '../model/project.js';
import type { SourceIndex } from './source-index.js';

/** A model path: segments from the document root, e.g. ['services', 'web', 'ports', 0]. */
export type Path = readonly (string | number)[];

/** Display form of a path: `services.web.ports.0`. */
export function formatPath(path: Path): string {
  return path.join('.');
}

export interface LoadOptions {
  /** `-f` files, in order. Empty: COMPOSE_FILE, then discovery from `cwd` upward. */
  files?: string[];
  projectDirectory?: string;
  projectName?: string;
  profiles?: string[];
  envFiles?: string[];
  /** Services named on the command line: they enable their profiles and pull in dependencies. */
  services?: string[];
  interpolate?: boolean; // default true
  /** Resolve relative paths, read env_file, ... (config --no-normalize / --no-path-resolution turn parts off). */
  resolvePaths?: boolean; // default true
  /** Process environment; defaults to process.env. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** In-memory file contents by absolute path (tests, lint of unsaved buffers). */
  overrides?: Record<string, string>;
  /** Skip reading env_file contents into environment (lint). */
  skipEnvFiles?: boolean;
}

export interface LoadContext {
  readonly options: LoadOptions;
  readonly diagnostics: Diagnostic[];
  readonly sources: SourceIndex;
  /** Interpolation and `.env` environment: OS env wins over env files. */
  environment: Record<string, string>;
  /** Secrets/configs from `environment` in included files, read from the include's own environment. */
  includedValues: IncludedValues;
  workingDir: string;
  report(d: { code: string; severity?: Severity; message: string; path?: Path; file?: string; range?: SourceRange; hint?: string }): void;
}

/** A marker left in the raw tree by `!reset`: the merge stage removes the key. */
export class ResetTag {
  constructor(readonly value: unknown = null) {}
}

/** A marker left in the raw tree by `!override`: the merge stage replaces instead of merging. */
export class OverrideTag {
  constructor(readonly value: unknown) {}
}

/** A raw, not yet canonical, compose document: plain JSON plus Reset/Override markers. */
export type RawValue = null | boolean | number | string | RawValue[] | RawMap | ResetTag | OverrideTag;
export interface RawMap {
  [key: string]: RawValue;
}

/**
 * Maps without Object.prototype in their chain (a service named `constructor` or `__proto__` is just a
 * key), yet in V8's fast mode: `Object.create(null)` objects start in dictionary mode, ~5x slower to walk.
 */
const RAW_MAP_PROTO = Object.create(null) as object;
export function newRawMap(): RawMap {
  return Object.create(RAW_MAP_PROTO) as RawMap;
}

export function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof ResetTag) && !(v instanceof OverrideTag);
}
