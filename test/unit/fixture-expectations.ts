/**
 * Expectations written in a fixture's leading comments, for table-driven loader tests:
 *   # expect: <code> <line>[:<col>] [warning] [hint=<word>] [first=<line>]
 *   # expect-none
 * Codes and positions are asserted, never message wording.
 */
import type { Diagnostic } from '../../src/diagnostics.js';

export interface Expectation {
  code: string;
  line: number;
  col?: number;
  severity: 'error' | 'warning';
  hint?: string;
  /** For duplicate keys: the line of the first definition, which the message must name. */
  first?: number;
}

export function readExpectations(text: string): Expectation[] | undefined {
  const out: Expectation[] = [];
  let none = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    if (/^#\s*expect-none\b/.test(line)) none = true;
    const m = /^#\s*expect:\s*(\S+)\s+(\d+)(?::(\d+))?(.*)$/.exec(line);
    if (!m) continue;
    const rest = m[4] ?? '';
    out.push({
      code: m[1]!,
      line: Number(m[2]),
      col: m[3] ? Number(m[3]) : undefined,
      severity: /\bwarning\b/.test(rest) ? 'warning' : 'error',
      hint: /\bhint=(\S+)/.exec(rest)?.[1],
      first: /\bfirst=(\d+)/.exec(rest) ? Number(/\bfirst=(\d+)/.exec(rest)![1]) : undefined,
    });
  }
  return out.length || none ? out : undefined;
}

/** A comparable line per diagnostic: `code line:col severity`, with col only when expected. */
export function describeActual(d: Diagnostic, withCol: boolean): string {
  const pos = d.range ? `${d.range.line}${withCol ? ':' + d.range.col : ''}` : '?';
  return `${d.code} ${pos} ${d.severity}`;
}

export function describeExpected(e: Expectation): string {
  return `${e.code} ${e.line}${e.col !== undefined ? ':' + e.col : ''} ${e.severity}`;
}

/**
 * Match diagnostics against expectations: returns [expected, actual] as comparable string lists,
 * equal exactly when every expectation is met and nothing else was reported.
 */
export function compare(expected: Expectation[], actual: Diagnostic[]): [string[], string[]] {
  const left = actual.filter((d) => d.severity !== 'info');
  const got: string[] = [];
  for (const e of expected) {
    const i = left.findIndex(
      (d) =>
        d.code === e.code &&
        d.severity === e.severity &&
        d.range?.line === e.line &&
        (e.col === undefined || d.range?.col === e.col) &&
        (e.hint === undefined || (d.hint ?? '').includes(`"${e.hint}"`)) &&
        (e.first === undefined || d.message.includes(`line ${e.first}`)),
    );
    if (i >= 0) {
      got.push(describeExpected(e));
      left.splice(i, 1);
    }
  }
  for (const d of left) got.push(`UNEXPECTED ${describeActual(d, true)} ${d.message} ${d.hint ?? ''}`);
  return [expected.map(describeExpected), got];
}
