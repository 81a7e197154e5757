/**
 * The lint rule API (ESLint-shaped): a rule is a small module `defineRule({name, meta, create})`.
 * `create(ctx)` inspects the loaded model and the source documents and calls `ctx.report`.
 */
import type { Node } from 'yaml';
import type { SourceRange } from '../diagnostics.js';
import type { Project, ProjectMeta } from '../model/project.js';
import type { SourceFile } from '../parser/source-index.js';
import type { Path, RawMap } from '../parser/types.js';
import type { Diagnostic } from '../diagnostics.js';

export type RuleCategory = 'correctness' | 'security' | 'best-practice' | 'style';
export type RuleSeverity = 'error' | 'warning' | 'info';
export type RuleLevel = RuleSeverity | 'off';
export type PresetName = 'recommended' | 'strict' | 'security';

export interface RuleMeta {
  category: RuleCategory;
  defaultSeverity: RuleSeverity;
  fixable: boolean;
  docs: { description: string };
  /** messageId → template with `{{name}}` placeholders. */
  messages: Record<string, string>;
  /** JSON schema of the rule's options object, if it takes any. */
  options?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  /** Presets that turn the rule on (style rules: only 'strict'). */
  presets: PresetName[];
}

/** A text edit on the original source: replace [start, end) offsets with `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface Fixer {
  replaceRange(range: [number, number], text: string): Fix;
  replaceNode(node: Node, text: string): Fix;
  insertTextBefore(node: Node, text: string): Fix;
  insertTextAfter(node: Node, text: string): Fix;
  removeRange(range: [number, number]): Fix;
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** Where: a model path (located through the loader's positions) ... */
  path?: Path;
  /** ... or an explicit source node / range in a given file. */
  node?: Node;
  file?: string;
  range?: SourceRange;
  /** Report at the key (`ports:`) instead of the value. */
  atKey?: boolean;
  /** Service name, for per-service excludes in the config. */
  service?: string;
  /** Re-emit a loader diagnostic at its exact range; its `message`, `code` and `path` become template data. */
  diagnostic?: Diagnostic;
  fix?: (fixer: Fixer) => Fix | Fix[] | null;
}

export interface RuleContext {
  /** The canonical project; undefined when loading failed (rules then see only `files`). */
  readonly project?: Project;
  readonly meta?: ProjectMeta;
  /** The merged raw model before canonical form (short syntax as written, anchors resolved). */
  readonly raw?: RawMap;
  /** Every source file the loader read, with its parsed yaml Document and positions. */
  readonly files: readonly SourceFile[];
  /** What the loader reported (syntax, schema, semantic errors): correctness rules re-emit these. */
  readonly loadDiagnostics: readonly Diagnostic[];
  readonly options: Record<string, unknown>;
  /** Position of the node at `path` in the merged model (value, or key with atKey). */
  locate(path: Path, opts?: { key?: boolean }): SourceRange | undefined;
  /**
   * The yaml source node for a path in one file (absolute or display path); aliases and `<<` merge keys
   * are followed, so inside an anchor this is the anchored node (report by `path` to land on the alias site).
   */
  nodeAt(file: string, path: Path): Node | undefined;
  /** The source file whose value won the merge for `path` (the last file defining it). */
  fileOf(path: Path): SourceFile | undefined;
  /** Loader diagnostics whose code is one of `codes` (or matches the predicate). */
  loadDiagnosticsOf(codes: readonly string[] | ((code: string) => boolean)): Diagnostic[];
  /** True when the source value at `path` contained `${...}` / `$VAR` before interpolation. */
  isInterpolated(path: Path): boolean;
  report(d: ReportDescriptor): void;
}

export interface Rule {
  name: string;
  meta: RuleMeta;
  create(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export interface LintFinding {
  rule: string;
  severity: RuleSeverity;
  message: string;
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  service?: string;
  /** The edits of the fix (computed when fixes are asked for: lintText, --fix, --fix-dry-run, json output). */
  fix?: Fix[];
  /** The rule offered a fix for this finding (set even when the edits were not computed). */
  fixable?: boolean;
  category: RuleCategory;
}
