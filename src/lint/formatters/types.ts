/** What a formatter gets: the findings of a run, the linted files and their text, the rules' meta. */
import type { LintFinding, Rule } from '../types.js';

export interface FormatInput {
  findings: readonly LintFinding[];
  /** Every linted file (display path), with or without findings, in order. */
  files: readonly string[];
  /** Source text by display path (code frames, fingerprints). */
  texts: ReadonlyMap<string, string>;
  /** Rules that ran (SARIF tool metadata). */
  rules: readonly Rule[];
  color: boolean;
  toolVersion: string;
}

export type Formatter = (input: FormatInput) => string;

export function countBySeverity(findings: readonly LintFinding[]): { errors: number; warnings: number; infos: number; fixable: number } {
  const c = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
    if (f.fixable || f.fix?.length) c.fixable++;
  }
  return c;
}

/** The source line (1-based) of a file's text, without its line break. */
export function lineOf(text: string | undefined, line: number): string {
  if (text === undefined) return '';
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}
