/**
 * Run a set of rules on one loaded project. The context is built from the loader's LoadResult
 * (model, raw tree, parsed Documents, positions, diagnostics); nothing is parsed again.
 * Works when loading failed: rules then see only `files` and `loadDiagnostics`.
 */
import type { Node } from 'yaml';
import { InternalError, type Diagnostic, type SourceRange } from '../diagnostics.js';
import type { LoadResult } from '../parser/load.js';
import type { SourceFile } from '../parser/source-index.js';
import type { Path } from '../parser/types.js';
import { fixer, nodeAtPath, rangeOfNode, writtenInterpolation } from './source-nodes.js';
import type { Fix, LintFinding, ReportDescriptor, Rule, RuleContext, RuleSeverity } from './types.js';

/** A rule as configured: on at `severity`, with its options merged over `meta.defaultOptions`. */
export interface RuleSetting {
  rule: Rule;
  severity: RuleSeverity;
  options: Record<string, unknown>;
}

export function settingOf(rule: Rule, severity?: RuleSeverity, options?: Record<string, unknown>): RuleSetting {
  return { rule, severity: severity ?? rule.meta.defaultSeverity, options: { ...(rule.meta.defaultOptions ?? {}), ...(options ?? {}) } };
}

export interface RunOptions {
  /** Call the rules' fix functions (default true); off, findings only carry `fixable`. */
  computeFixes?: boolean;
  /** When given, each rule's time in ms (its checks and its fixes) is added here (`NCOMPOSE_TIMING=1`). */
  timings?: Map<string, number>;
}

/** Run every rule once; findings come back sorted by file, position, rule. */
export function runRules(load: LoadResult, settings: readonly RuleSetting[], opts: RunOptions = {}): LintFinding[] {
  const findings: LintFinding[] = [];
  const shared = createShared(load, opts.computeFixes !== false);
  for (const s of settings) {
    const ctx = createRuleContext(shared, s, findings);
    const t0 = opts.timings ? performance.now() : 0;
    try {
      s.rule.create(ctx);
    } catch (e) {
      throw new InternalError(`lint rule ${s.rule.name} crashed: ${(e as Error).stack ?? e}`);
    }
    if (opts.timings) addTiming(opts.timings, s.rule.name, performance.now() - t0);
  }
  return sortFindings(findings);
}

export function addTiming(timings: Map<string, number>, name: string, ms: number): void {
  timings.set(name, (timings.get(name) ?? 0) + ms);
}

/** A table of timings, slowest first, with each one's share of the total (ESLint's TIMING=1, on stderr). */
export function formatTimings(timings: ReadonlyMap<string, number>): string {
  const rows = [...timings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const total = rows.reduce((n, [, ms]) => n + ms, 0) || 1;
  const width = Math.max(4, ...rows.map(([name]) => name.length));
  const lines = rows.map(([name, ms]) => `${name.padEnd(width)} | ${ms.toFixed(1).padStart(9)} | ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
  return [`${'Rule'.padEnd(width)} | Time (ms) | Relative`, `${'-'.repeat(width)}-|-----------|---------`, ...lines].join('\n') + '\n';
}

export function sortFindings(findings: LintFinding[]): LintFinding[] {
  return findings.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** What every rule's context shares: built once per project. */
interface Shared {
  load: LoadResult;
  computeFixes: boolean;
  files: readonly SourceFile[];
  byName: Map<string, SourceFile>;
  /** yaml node → the file holding it, built on first need. */
  owners?: WeakMap<object, SourceFile>;
}

function createShared(load: LoadResult, computeFixes: boolean): Shared {
  const files = load.sources.files;
  const byName = new Map<string, SourceFile>();
  for (const f of files) {
    byName.set(f.path, f);
    byName.set(f.displayPath, f);
  }
  return { load, computeFixes, files, byName };
}

function createRuleContext(sh: Shared, setting: RuleSetting, out: LintFinding[]): RuleContext {
  const { load } = sh;
  const fileOf = (path: Path): SourceFile | undefined => {
    const r = load.sources.locate(path);
    return r ? sh.byName.get(r.file) : undefined;
  };
  return {
    project: load.project,
    meta: load.meta,
    raw: load.raw,
    files: sh.files,
    loadDiagnostics: load.diagnostics,
    options: setting.options,
    locate: (path, opts) => load.sources.locate(path, { key: opts?.key }),
    nodeAt: (file, path) => {
      const f = sh.byName.get(file);
      return f ? nodeAtPath(f, path) : undefined;
    },
    fileOf,
    isInterpolated: (path) => writtenInterpolation(sh.files, path) !== undefined,
    loadDiagnosticsOf: (codes) => {
      const match = typeof codes === 'function' ? codes : (c: string) => codes.includes(c);
      return load.diagnostics.filter((d) => match(d.code));
    },
    report: (d) => {
      const f = toFinding(sh, setting, d);
      if (f) out.push(f);
    },
  };
}

function toFinding(sh: Shared, s: RuleSetting, d: ReportDescriptor): LintFinding {
  const { rule } = s;
  const template = rule.meta.messages[d.messageId];
  if (template === undefined) throw new InternalError(`lint rule ${rule.name} reported unknown messageId "${d.messageId}"`);
  const data: Record<string, string | number> = { ...diagnosticData(d.diagnostic), ...(d.data ?? {}) };
  const range = where(sh, d);
  const file = range ? sh.byName.get(range.file) : undefined;
  const finding: LintFinding = {
    rule: rule.name,
    severity: s.severity,
    message: formatMessage(template, data),
    file: file?.displayPath ?? range?.file ?? sh.files[0]?.displayPath ?? '',
    line: range?.line ?? 1,
    col: range?.col ?? 1,
    endLine: range?.endLine ?? range?.line ?? 1,
    endCol: range?.endCol ?? range?.col ?? 1,
    category: rule.meta.category,
  };
  const service = d.service ?? serviceOf(d.path) ?? serviceOf(d.diagnostic?.path?.split('.'));
  if (service !== undefined) finding.service = service;
  if (d.fix) finding.fixable = true;
  const fixes = d.fix && sh.computeFixes ? normalizeFixes(d.fix(fixer)) : [];
  if (fixes.length) finding.fix = fixes;
  else if (sh.computeFixes) delete finding.fixable;
  return finding;
}

/** Explicit range, else the node, else the model path, else the re-emitted diagnostic's range. */
function where(sh: Shared, d: ReportDescriptor): SourceRange | undefined {
  if (d.range) return d.range;
  if (d.node) {
    const f = (d.file ? sh.byName.get(d.file) : undefined) ?? fileHolding(sh, d.node);
    const r = f ? rangeOfNode(f, d.node) : undefined;
    if (r) return r;
  }
  if (d.path) {
    const r = d.file
      ? sh.load.sources.locate(d.path, { file: sh.byName.get(d.file)?.path ?? d.file, key: d.atKey })
      : sh.load.sources.locate(d.path, { key: d.atKey });
    if (r) return r;
  }
  if (d.diagnostic?.range) return d.diagnostic.range;
  if (d.file) {
    const f = sh.byName.get(d.file);
    if (f) return { file: f.displayPath, line: 1, col: 1 };
  }
  return undefined;
}

/** A node reported without `file`: the file whose Document contains it (one file: that one). */
function fileHolding(sh: Shared, n: Node): SourceFile | undefined {
  if (sh.files.length === 1) return sh.files[0];
  if (!sh.owners) {
    // Built once per project on first need: a walk per report would make many reports quadratic.
    const owners = new WeakMap<object, SourceFile>();
    for (const f of sh.files) if (f.doc) markNodes(f.doc.contents as Node | null, f, owners);
    sh.owners = owners;
  }
  return sh.owners.get(n);
}

function markNodes(root: Node | null, f: SourceFile, owners: WeakMap<object, SourceFile>): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const it = stack.pop() as { key?: unknown; value?: unknown; items?: unknown[] } | null | undefined;
    if (!it || typeof it !== 'object') continue;
    if ('key' in it) stack.push(it.key, it.value);
    else owners.set(it, f);
    if (Array.isArray(it.items)) for (const x of it.items) stack.push(x);
  }
}

function diagnosticData(d: Diagnostic | undefined): Record<string, string> {
  if (!d) return {};
  return { message: d.message, code: d.code, path: d.path ?? '' };
}

export function formatMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

function serviceOf(path: Path | undefined): string | undefined {
  return path && path[0] === 'services' && path.length > 1 ? String(path[1]) : undefined;
}

function normalizeFixes(f: Fix | Fix[] | null): Fix[] {
  if (!f) return [];
  const list = Array.isArray(f) ? f : [f];
  return list.filter((x) => x && x.range[0] <= x.range[1]);
}
