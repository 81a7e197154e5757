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

const lineStarts = new Map<string, number[]>();

/** Offsets where each line of a text starts (cached per text: formatters ask for many lines). */
function startsOf(text: string): number[] {
  let starts = lineStarts.get(text);
  if (!starts) {
    starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    if (lineStarts.size > 64) lineStarts.clear();
    lineStarts.set(text, starts);
  }
  return starts;
}

/** The source line (1-based) of a file's text, without its line break. */
export function lineOf(text: string | undefined, line: number): string {
  if (text === undefined) return '';
  const starts = startsOf(text);
  const start = starts[line - 1];
  if (start === undefined) return '';
  const next = starts[line];
  return text.slice(start, next === undefined ? text.length : next - 1).replace(/\r$/, '');
}
