/** One line per finding: `file:line:col: severity: message [rule]`, then a count. */
import type { FormatInput } from './types.js';

export function formatCompact(input: FormatInput): string {
  const lines = input.findings.map((f) => `${f.file}:${f.line}:${f.col}: ${f.severity}: ${f.message} [${f.rule}]\n`);
  const n = input.findings.length;
  return lines.join('') + (n ? `\n${n} problem${n === 1 ? '' : 's'}\n` : '');
}
