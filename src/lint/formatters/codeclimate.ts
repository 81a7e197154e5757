/** Code Climate / GitLab Code Quality JSON: one issue per finding, with a stable fingerprint. */
import type { RuleCategory, RuleSeverity } from '../types.js';
import { fingerprints } from './fingerprint.js';
import type { FormatInput } from './types.js';

const SEVERITY: Record<RuleSeverity, string> = { error: 'major', warning: 'minor', info: 'info' };
const CATEGORY: Record<RuleCategory, string> = { correctness: 'Bug Risk', security: 'Security', 'best-practice': 'Clarity', style: 'Style' };

export function formatCodeclimate(input: FormatInput): string {
  const prints = fingerprints(input.findings, input.texts);
  const issues = input.findings.map((f, i) => ({
    type: 'issue',
    check_name: f.rule,
    description: f.message,
    categories: [CATEGORY[f.category]],
    severity: SEVERITY[f.severity],
    fingerprint: prints[i]!.replace(':', '-'),
    location: { path: f.file, positions: { begin: { line: f.line, column: f.col }, end: { line: f.endLine, column: f.endCol } } },
  }));
  return JSON.stringify(issues, null, 2) + '\n';
}
