/**
 * Helpers for table-driven rule tests: lint or fix a YAML string held in memory
 * (LoadOptions.overrides), through the same loader and pipeline as `ncompose lint`.
 */
import path from 'node:path';
import type { LoadOptions } from '../parser/types.js';
import type { RuleEntry, ServiceExclude } from './config.js';
import { resolveConfig } from './config.js';
import { lintProject, type ProjectLintResult } from './lint-project.js';
import { settingOf } from './run.js';
import type { LintFinding, Rule, RuleLevel, RuleSeverity } from './types.js';

export interface LintTextOptions {
  rules: Rule[];
  /** Options passed to every rule in `rules` (merged over its defaultOptions). */
  options?: Record<string, unknown>;
  /** Severity per rule name (default: the rule's defaultSeverity). */
  severity?: Record<string, RuleSeverity>;
  /** Other in-memory files, by path relative to `cwd` (override files, env files, includes). */
  files?: Record<string, string>;
  /** Name of the compose file (default compose.yaml), relative to `cwd`. */
  file?: string;
  /** Extra compose files loaded after the main one (`-f a -f b`), relative to `cwd`; contents in `files`. */
  extraFiles?: string[];
  /** Project directory (default a directory that does not exist; pass a fixture dir for build/env_file checks). */
  cwd?: string;
  /** Environment for interpolation (default: empty, for deterministic tests). */
  env?: Record<string, string>;
  /** Per-service excludes, as in the config file. */
  exclude?: ServiceExclude[];
  unusedDirectives?: RuleLevel;
  /** Resolve rules through the config instead (`rules` is then the registry). */
  config?: { preset?: 'recommended' | 'strict' | 'security'; rules?: Record<string, RuleEntry> };
}

export const VIRTUAL_CWD = path.resolve('/ncompose-virtual-project');

export function lintText(yaml: string, opts: LintTextOptions): LintFinding[] {
  return run(yaml, opts, false).findings;
}

/** Apply every fix until stable (at most 10 passes); returns the fixed compose file text. */
export function fixText(yaml: string, opts: LintTextOptions): string {
  const r = run(yaml, opts, true);
  const main = mainPath(opts);
  return r.fixed.get(main)?.text ?? yaml;
}

/** Everything the pipeline returns (findings, load result, fixed texts). */
export function lintTextResult(yaml: string, opts: LintTextOptions, fix = false): ProjectLintResult {
  return run(yaml, opts, fix);
}

function mainPath(opts: LintTextOptions): string {
  return path.resolve(opts.cwd ?? VIRTUAL_CWD, opts.file ?? 'compose.yaml');
}

function run(yaml: string, opts: LintTextOptions, fix: boolean): ProjectLintResult {
  const cwd = opts.cwd ?? VIRTUAL_CWD;
  const main = mainPath(opts);
  const overrides: Record<string, string> = { [main]: yaml };
  for (const [rel, text] of Object.entries(opts.files ?? {})) overrides[path.resolve(cwd, rel)] = text;
  const load: LoadOptions = {
    files: [main, ...(opts.extraFiles ?? []).map((f) => path.resolve(cwd, f))],
    cwd,
    env: opts.env ?? {},
    overrides,
    skipEnvFiles: true,
  };
  const config = opts.config
    ? resolveConfig({ ...opts.config, exclude: opts.exclude, reportUnusedDirectives: opts.unusedDirectives }, opts.rules).config
    : {
        preset: 'recommended' as const,
        settings: opts.rules.map((r) => settingOf(r, opts.severity?.[r.name], opts.options)),
        excludes: opts.exclude ?? [],
        unusedDirectives: opts.unusedDirectives ?? 'warning',
      };
  return lintProject(load, config, fix, true);
}
