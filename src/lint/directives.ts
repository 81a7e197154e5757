/**
 * Inline directives in YAML comments:
 *   # ncompose-disable-next-line rule-a, rule-b -- reason
 *   # ncompose-disable-line [rules] [-- reason]      (the comment's own line)
 *   # ncompose-disable-file [rules]
 *   # ncompose-disable [rules]  …  # ncompose-enable [rules]
 * No rules means every rule. A disable directive that suppressed nothing is reported.
 */
import type { SourceFile } from '../parser/source-index.js';
import type { LintFinding } from './types.js';

export const UNUSED_DIRECTIVE_RULE = 'unused-directive';

type Kind = 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable' | 'enable';

export interface Directive {
  kind: Kind;
  /** Rule names; empty = all rules. */
  rules: string[];
  reason?: string;
  file: string;
  line: number;
  col: number;
  endCol: number;
  /** Rules (or '*') this directive actually suppressed. */
  used: Set<string>;
}

const DIRECTIVE = /^#\s*ncompose-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)$/;

/** Directives of one file, from its comments (the quoting state of each line tells a comment from a `#` in a string). */
export function scanDirectives(file: SourceFile): Directive[] {
  const text = file.text;
  if (!text.includes('ncompose-')) return [];
  const out: Directive[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('ncompose-')) continue;
    const at = commentStart(line);
    if (at < 0) continue;
    const comment = line.slice(at).replace(/\r$/, '');
    const m = DIRECTIVE.exec(comment);
    if (!m) continue;
    const [body, reason] = splitReason(m[2]!);
    const rules = body.split(/[\s,]+/).filter(Boolean);
    const d: Directive = { kind: m[1] as Kind, rules, file: file.displayPath, line: i + 1, col: at + 1, endCol: at + comment.length + 1, used: new Set() };
    if (reason) d.reason = reason;
    out.push(d);
  }
  return out;
}

function splitReason(s: string): [string, string | undefined] {
  const i = s.indexOf('--');
  return i < 0 ? [s.trim(), undefined] : [s.slice(0, i).trim(), s.slice(i + 2).trim() || undefined];
}

/** Index of the `#` starting a comment on this line, or -1 (quotes and `#` inside words are skipped). */
export function commentStart(line: string): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") i++;
        else quote = '';
      } else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return i;
    if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,-]/.test(line[i - 1]!))) quote = c;
  }
  return -1;
}

function covers(d: Directive, rule: string): boolean {
  return d.rules.length === 0 || d.rules.includes(rule);
}

/** The directive that suppresses `f`, if any. */
function suppressor(ds: readonly Directive[], f: LintFinding): Directive | undefined {
  let block: Directive | undefined;
  for (const d of ds) {
    if (!covers(d, f.rule)) continue;
    if (d.kind === 'disable-file') return d;
    if (d.kind === 'disable-line' && d.line === f.line) return d;
    if (d.kind === 'disable-next-line' && d.line + 1 === f.line) return d;
    if (d.line <= f.line && (d.kind === 'disable' || d.kind === 'enable')) block = d.kind === 'disable' ? d : undefined;
  }
  return block;
}

/** Drop suppressed findings; add one `unused-directive` finding per disable directive that suppressed nothing. */
export function applyDirectives(
  findings: LintFinding[],
  files: readonly SourceFile[],
  unused: 'error' | 'warning' | 'info' | 'off' = 'warning',
): { findings: LintFinding[]; directives: Directive[] } {
  const byFile = new Map<string, Directive[]>();
  const all: Directive[] = [];
  for (const f of files) {
    const ds = scanDirectives(f);
    if (ds.length) byFile.set(f.displayPath, ds);
    all.push(...ds);
  }
  if (!all.length) return { findings, directives: all };
  const kept: LintFinding[] = [];
  for (const f of findings) {
    const d = byFile.get(f.file) && suppressor(byFile.get(f.file)!, f);
    if (d) d.used.add(d.rules.length ? f.rule : '*');
    else kept.push(f);
  }
  if (unused !== 'off') kept.push(...unusedFindings(all, unused));
  return { findings: kept, directives: all };
}

function unusedFindings(all: readonly Directive[], severity: 'error' | 'warning' | 'info'): LintFinding[] {
  const out: LintFinding[] = [];
  for (const d of all) {
    if (d.kind === 'enable') continue;
    const missing = d.rules.length ? d.rules.filter((r) => !d.used.has(r)) : d.used.size ? [] : ['*'];
    if (!missing.length) continue;
    const what = missing[0] === '*' ? 'any rule' : missing.map((r) => `"${r}"`).join(', ');
    out.push({
      rule: UNUSED_DIRECTIVE_RULE,
      severity,
      message: `unused ncompose-${d.kind} directive (no problem from ${what} was reported here)`,
      file: d.file,
      line: d.line,
      col: d.col,
      endLine: d.line,
      endCol: d.endCol,
      category: 'best-practice',
    });
  }
  return out;
}
