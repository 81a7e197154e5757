/**
 * Fingerprints that survive unrelated edits: rule, file, service, message and the flagged source
 * line's text (not its number), plus an occurrence counter for identical findings.
 */
import { createHash } from 'node:crypto';
import type { LintFinding } from '../types.js';
import { lineOf } from './types.js';

export function fingerprints(findings: readonly LintFinding[], texts: ReadonlyMap<string, string>): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = [f.rule, f.file, f.service ?? '', f.message, lineOf(texts.get(f.file), f.line).trim()].join('\u0000');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return createHash('sha256').update(base).digest('hex').slice(0, 32) + ':' + (n + 1);
  });
}
