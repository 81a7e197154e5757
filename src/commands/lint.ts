/**
 * `ncompose lint [PATH…]`: lint compose files with the configured rules and print a report.
 * Exit 0 clean, 1 findings at or above the threshold, 2 the lint could not run.
 */
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import type { GlobalArgs } from '../cli/global-options.js';
import { loadOptionsFrom } from '../cli/global-options.js';
import { useColor, type Io } from '../cli/io.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { parseRuleFlag, resolveConfig, type ResolvedConfig } from '../lint/config.js';
import { loadLintConfig } from '../lint/config-file.js';
import { unifiedDiff } from '../lint/diff.js';
import { ruleDoc } from '../lint/explain.js';
import { FORMATTERS, type FormatName } from '../lint/formatters/index.js';
import { lintProject } from '../lint/lint-project.js';
import { formatTimings } from '../lint/run.js';
import { RULES } from '../lint/rules/index.js';
import { resolveTargets } from '../lint/targets.js';
import type { LintFinding, RuleLevel } from '../lint/types.js';
import type { LoadOptions } from '../parser/types.js';
import pkg from '../../package.json' with { type: 'json' };

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_CANNOT_RUN = 2;

interface LintArgs extends GlobalArgs {
  paths?: string[];
  format?: FormatName;
  output?: string;
  fix?: boolean;
  'fix-dry-run'?: boolean;
  'max-warnings'?: number;
  'fail-on'?: 'error' | 'warning';
  rule?: string[];
  config?: string;
  'print-config'?: boolean;
  explain?: string;
}

interface Collected {
  findings: LintFinding[];
  files: string[];
  texts: Map<string, string>;
  diff: string;
  problems: Diagnostic[];
}

export async function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as LintArgs;
  if (args.explain !== undefined) return explain(args.explain, io);
  const configured = configure(args, io);
  if (!configured) return EXIT_CANNOT_RUN;
  const { config } = configured;
  if (args['print-config']) {
    io.out(JSON.stringify(printable(config, configured.file), null, 2) + '\n');
    return EXIT_CLEAN;
  }
  const projects = projectsToLint(args, io);
  if (!projects) return EXIT_CANNOT_RUN;
  const fixing = Boolean(args.fix || args['fix-dry-run']);
  // NCOMPOSE_TIMING=1: time per rule (and load, directives, fixing) on stderr, like ESLint's TIMING.
  const timings = io.env.NCOMPOSE_TIMING && io.env.NCOMPOSE_TIMING !== '0' ? new Map<string, number>() : undefined;
  const all = lintAll(projects, config, fixing, args, timings);
  if (timings) io.err(formatTimings(timings));
  if (all.problems.length) {
    for (const d of all.problems) io.err(formatDiagnostic(d) + '\n');
    return EXIT_CANNOT_RUN;
  }
  const report = args['fix-dry-run'] ? all.diff : render(args.format ?? 'stylish', all, config, io);
  if (args.output) writeFileSync(args.output, report);
  else io.out(report);
  await drainStdout();
  return exitCode(all.findings, args);
}

function explain(name: string, io: Io): number {
  const doc = ruleDoc(name);
  if (doc === undefined) {
    io.err(`ncompose: no such rule: ${name} (see docs/rules/)\n`);
    return EXIT_CANNOT_RUN;
  }
  io.out(doc.endsWith('\n') ? doc : doc + '\n');
  return EXIT_CLEAN;
}

/** Config file + `--rule` flags → rules to run; any config problem stops the run (exit 2). */
function configure(args: LintArgs, io: Io): { config: ResolvedConfig; file?: string } | undefined {
  const loaded = loadLintConfig(io.cwd, args.config);
  const overrides: Record<string, RuleLevel> = {};
  const problems = [...loaded.diagnostics];
  for (const flag of args.rule ?? []) {
    const parsed = parseRuleFlag(flag);
    if (parsed) overrides[parsed[0]] = parsed[1];
    else problems.push({ code: 'lint_rule_flag', severity: 'error', message: `--rule ${flag}: expected NAME:LEVEL (error, warning, info, off)` });
  }
  const resolved = resolveConfig(loaded.config, RULES, overrides);
  // A rule entry written in the config file is reported at that entry (a --rule flag has no place).
  const inFile = (d: Diagnostic) => /^rules\.(.+)$/.exec(d.path ?? '')?.[1];
  for (const d of resolved.diagnostics) {
    const rule = inFile(d);
    const written = rule !== undefined && loaded.locate && Object.hasOwn(loaded.config.rules ?? {}, rule);
    problems.push(written ? { ...d, range: loaded.locate!(`/rules/${rule.replace(/~/g, '~0').replace(/\//g, '~1')}`) } : d);
  }
  if (!problems.length) return { config: resolved.config, file: loaded.file };
  for (const d of problems) io.err(formatDiagnostic(d) + '\n');
  return undefined;
}

function printable(c: ResolvedConfig, file: string | undefined): unknown {
  return {
    file: file ?? null,
    preset: c.preset,
    rules: Object.fromEntries(c.settings.map((s) => [s.rule.name, { level: s.severity, options: s.options }])),
    exclude: c.excludes,
    reportUnusedDirectives: c.unusedDirectives,
  };
}

/** One project per file or directory entry given; none given: the project the loader discovers (or -f). */
function projectsToLint(args: LintArgs, io: Io): LoadOptions[] | undefined {
  const base: LoadOptions = { ...loadOptionsFrom(args, io), skipEnvFiles: true };
  const paths = args.paths ?? [];
  if (!paths.length) return [base];
  const targets = resolveTargets(paths, io.cwd);
  for (const m of targets.missing) io.err(`ncompose: no such file or directory: ${m}\n`);
  if (targets.missing.length) return undefined;
  if (!targets.files.length) {
    io.err(`ncompose: no compose files found in ${paths.join(', ')}\n`);
    return undefined;
  }
  return targets.files.map((f) => ({ ...base, files: [f], projectDirectory: undefined }));
}

function lintAll(projects: LoadOptions[], config: ResolvedConfig, fixing: boolean, args: LintArgs, timings?: Map<string, number>): Collected {
  const out: Collected = { findings: [], files: [], texts: new Map(), diff: '', problems: [] };
  const seen = new Set<string>();
  for (const options of projects) {
    // The fix edits themselves are only needed to apply them, or to print them (json).
    const r = lintProject(options, config, fixing, args.format === 'json', timings);
    // Not one file could be read (no compose file, unreadable): nothing to lint, the run fails.
    if (!r.load.sources.files.length) {
      out.problems.push(...r.load.diagnostics.filter((d) => d.severity === 'error'));
      continue;
    }
    for (const f of r.load.sources.files) {
      if (out.texts.has(f.displayPath)) continue;
      out.files.push(f.displayPath);
      out.texts.set(f.displayPath, r.fixed.get(f.path)?.text ?? f.text);
    }
    for (const [file, { original, text }] of r.fixed) {
      const display = r.load.sources.get(file)?.displayPath ?? file;
      if (args['fix-dry-run']) out.diff += unifiedDiff(original, text, display);
      else writeFileSync(file, text);
    }
    for (const f of r.findings) {
      // A file shared by several projects (an include) is reported once.
      const key = `${f.file}\u0000${f.line}:${f.col}\u0000${f.rule}\u0000${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.findings.push(f);
    }
  }
  return out;
}

function render(format: FormatName, all: Collected, config: ResolvedConfig, io: Io): string {
  return FORMATTERS[format]({
    findings: all.findings,
    files: all.files,
    texts: all.texts,
    rules: config.settings.map((s) => s.rule),
    color: useColor(io, 'out'),
    toolVersion: pkg.version,
  });
}

function exitCode(findings: readonly LintFinding[], args: LintArgs): number {
  const failOn = args['fail-on'] ?? 'error';
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (findings.some((f) => f.severity === 'error')) return EXIT_FINDINGS;
  if (failOn === 'warning' && warnings > 0) return EXIT_FINDINGS;
  const max = args['max-warnings'];
  if (max !== undefined && max >= 0 && warnings > max) return EXIT_FINDINGS;
  return EXIT_CLEAN;
}

/**
 * Output must be complete when piped: wait until stdout has flushed what we wrote.
 * A reader that went away (`| head`) is no error of ours: EPIPE is ignored.
 */
async function drainStdout(): Promise<void> {
  const stdout = process.stdout;
  if (!stdout.listeners('error').includes(ignoreEpipe)) stdout.on('error', ignoreEpipe);
  if (!stdout.writableNeedDrain) return;
  try {
    await once(stdout, 'drain');
  } catch (e) {
    ignoreEpipe(e as NodeJS.ErrnoException);
  }
}

function ignoreEpipe(e: NodeJS.ErrnoException): void {
  if (e.code !== 'EPIPE') throw e;
}
