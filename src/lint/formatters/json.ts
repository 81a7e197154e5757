/** Machine output: every finding with its range, per file, plus counts. Stable key order. */
import { countBySeverity, type FormatInput } from './types.js';

export function formatJson(input: FormatInput): string {
  const results = input.files.map((file) => ({
    file,
    findings: input.findings
      .filter((f) => f.file === file)
      .map((f) => ({
        rule: f.rule,
        category: f.category,
        severity: f.severity,
        message: f.message,
        line: f.line,
        col: f.col,
        endLine: f.endLine,
        endCol: f.endCol,
        ...(f.service !== undefined ? { service: f.service } : {}),
        ...(f.fix?.length ? { fix: f.fix } : {}),
        ...(f.fixable || f.fix?.length ? { fixable: true } : {}),
      })),
  }));
  const n = countBySeverity(input.findings);
  return JSON.stringify({ formatVersion: 1, results, errorCount: n.errors, warningCount: n.warnings, infoCount: n.infos, fixableCount: n.fixable }, null, 2) + '\n';
}
