/** One diagnostic type for the whole tool: accumulated, never thrown (see NcomposeError for the boundary). */
export type Severity = 'error' | 'warning' | 'info';

export interface SourceRange {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
  endLine?: number;
  endCol?: number;
  /** 0-based character offsets into the file, when known (lint fixes use them). */
  offset?: number;
  endOffset?: number;
}

export interface Diagnostic {
  /** Stable snake_case code, e.g. `yaml_duplicate_key`, `schema_additional_property`. Tests assert codes. */
  code: string;
  severity: Severity;
  message: string;
  /** Dotted model path, e.g. `services.web.ports.0`. */
  path?: string;
  range?: SourceRange;
  hint?: string;
}

/** A user-facing failure at the CLI boundary: printed without a stack trace. */
export class NcomposeError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'NcomposeError';
  }
}

/** A bug in ncompose itself: always printed with its stack. */
export class InternalError extends Error {
  override name = 'InternalError';
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

export function formatLocation(r: SourceRange | undefined): string {
  return r ? `${r.file}:${r.line}:${r.col}` : '';
}

/** `file:line:col: error: message (code)` — the one-line form every command prints. */
export function formatDiagnostic(d: Diagnostic): string {
  const loc = formatLocation(d.range);
  const hint = d.hint ? ` (${d.hint})` : '';
  return `${loc ? loc + ': ' : ''}${d.severity}: ${d.message}${hint} [${d.code}]`;
}

export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return [...diags].sort(
    (a, b) =>
      (a.range?.file ?? '').localeCompare(b.range?.file ?? '') ||
      (a.range?.line ?? 0) - (b.range?.line ?? 0) ||
      (a.range?.col ?? 0) - (b.range?.col ?? 0) ||
      a.code.localeCompare(b.code),
  );
}
