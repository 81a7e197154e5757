/** Human output: findings grouped by file, each with a code frame, then a summary. */
import { Chalk } from 'chalk';
import type { LintFinding } from '../types.js';
import { countBySeverity, lineOf, type FormatInput } from './types.js';

const CONTEXT_LINES = 1;

export function formatStylish(input: FormatInput): string {
  const c = new Chalk({ level: input.color ? 1 : 0 });
  const byFile = new Map<string, LintFinding[]>();
  for (const f of input.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  let out = '';
  for (const [file, findings] of byFile) {
    out += '\n' + c.underline(file) + '\n';
    for (const f of findings) {
      const sev = f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info');
      out += `  ${f.line}:${f.col}  ${sev}  ${f.message}  ${c.dim(f.rule)}\n`;
      out += codeFrame(input.texts.get(file), f, c) + '\n';
    }
  }
  return out + summary(input, c);
}

function codeFrame(text: string | undefined, f: LintFinding, c: InstanceType<typeof Chalk>): string {
  if (text === undefined) return '';
  const first = Math.max(1, f.line - CONTEXT_LINES);
  const width = String(f.line).length;
  let out = '';
  for (let n = first; n <= f.line; n++) {
    const mark = n === f.line ? c.red('>') : ' ';
    out += `  ${mark} ${c.dim(String(n).padStart(width) + ' |')} ${lineOf(text, n)}\n`;
  }
  const line = lineOf(text, f.line);
  const end = f.endLine === f.line ? Math.max(f.endCol, f.col + 1) : line.length + 1;
  const carets = '^'.repeat(Math.max(1, Math.min(end, line.length + 1) - f.col));
  out += `    ${' '.repeat(width)} ${c.dim('|')} ${' '.repeat(f.col - 1)}${c.red(carets)}\n`;
  return out;
}

function summary(input: FormatInput, c: InstanceType<typeof Chalk>): string {
  const n = countBySeverity(input.findings);
  const total = input.findings.length;
  if (!total) return `${c.green('✔')} ${input.files.length} file${input.files.length === 1 ? '' : 's'} linted, no problems\n`;
  const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  const color = n.errors ? c.red : c.yellow;
  let out = '\n' + color.bold(`✖ ${plural(total, 'problem')} (${plural(n.errors, 'error')}, ${plural(n.warnings, 'warning')}, ${n.infos} info)`) + '\n';
  if (n.fixable) out += color.bold(`  ${plural(n.fixable, 'problem')} potentially fixable with the \`--fix\` option.`) + '\n';
  return out;
}
