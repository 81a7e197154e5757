/**
 * One project through the lint pipeline: run the configured rules, drop per-service excludes,
 * apply inline directives; with `fix`, apply fixes and lint again until stable.
 */
import type { LoadResult } from '../parser/load.js';
import { loadProject } from '../parser/load.js';
import type { LoadOptions } from '../parser/types.js';
import type { ResolvedConfig, ServiceExclude } from './config.js';
import { applyDirectives } from './directives.js';
import { applyFixes, MAX_FIX_PASSES } from './fix.js';
import { addTiming, runRules, sortFindings, type RunOptions } from './run.js';
import type { LintFinding } from './types.js';

export interface ProjectLintResult {
  findings: LintFinding[];
  load: LoadResult;
  /** Fixed text by absolute path (only files that changed), when fixing. */
  fixed: Map<string, { original: string; text: string }>;
}

/** Lint an already loaded project. */
export function lintLoaded(load: LoadResult, config: ResolvedConfig, opts: RunOptions = {}): LintFinding[] {
  const raw = runRules(load, config.settings, opts);
  const kept = config.excludes.length ? raw.filter((f) => !isExcluded(f, config.excludes)) : raw;
  const t0 = opts.timings ? performance.now() : 0;
  const out = sortFindings(applyDirectives(kept, load.sources.files, config.unusedDirectives).findings);
  if (opts.timings) addTiming(opts.timings, '(directives)', performance.now() - t0);
  return out;
}

function isExcluded(f: LintFinding, excludes: readonly ServiceExclude[]): boolean {
  if (f.service === undefined) return false;
  return excludes.some((x) => x.service === f.service && (!x.rules || x.rules.includes(f.rule)));
}

/**
 * Load and lint; with `fix`, re-load the fixed texts (in memory) and lint again, at most MAX_FIX_PASSES times.
 * `computeFixes` (default: only when fixing) asks rules for their edits even when not applying them.
 */
export function lintProject(options: LoadOptions, config: ResolvedConfig, fix = false, computeFixes = fix, timings?: Map<string, number>): ProjectLintResult {
  const timed = <T>(name: string, f: () => T): T => {
    const t0 = timings ? performance.now() : 0;
    const v = f();
    if (timings) addTiming(timings, name, performance.now() - t0);
    return v;
  };
  let load = timed('(load)', () => loadProject(options));
  let findings = lintLoaded(load, config, { computeFixes: computeFixes || fix, timings });
  const fixed = new Map<string, { original: string; text: string }>();
  if (!fix) return { findings, load, fixed };
  const overrides: Record<string, string> = { ...(options.overrides ?? {}) };
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const changed = timed('(apply fixes)', () => applyFileFixes(load, findings, overrides, fixed));
    if (!changed) break;
    load = timed('(load)', () => loadProject({ ...options, overrides }));
    findings = lintLoaded(load, config, { timings });
  }
  return { findings, load, fixed };
}

function applyFileFixes(load: LoadResult, findings: LintFinding[], overrides: Record<string, string>, fixed: ProjectLintResult['fixed']): boolean {
  let changed = false;
  for (const file of load.sources.files) {
    const groups = findings.filter((f) => f.fix && f.file === file.displayPath).map((f) => f.fix!);
    if (!groups.length) continue;
    const text = applyFixes(file.text, groups);
    if (text === file.text) continue;
    changed = true;
    overrides[file.path] = text;
    fixed.set(file.path, { original: fixed.get(file.path)?.original ?? file.text, text });
  }
  return changed;
}
