/** JUnit XML: one test suite per file, one failing test case per finding (a clean file passes one case). */
import type { FormatInput } from './types.js';

export function formatJunit(input: FormatInput): string {
  let suites = '';
  for (const file of input.files) {
    const findings = input.findings.filter((f) => f.file === file);
    let cases = '';
    for (const f of findings) {
      const name = `${f.file}:${f.line}:${f.col} ${f.rule}`;
      cases += `    <testcase name="${esc(name)}" classname="${esc(f.rule)}">\n`;
      cases += `      <failure type="${f.severity}" message="${esc(f.message)}">${esc(`${f.severity}: ${f.message} (${f.rule}) at ${f.file}:${f.line}:${f.col}`)}</failure>\n`;
      cases += '    </testcase>\n';
    }
    if (!findings.length) cases = `    <testcase name="${esc(file)}" classname="ncompose.lint"/>\n`;
    const tests = Math.max(1, findings.length);
    suites += `  <testsuite name="${esc(file)}" tests="${tests}" failures="${findings.length}" errors="0" skipped="0">\n${cases}  </testsuite>\n`;
  }
  const total = input.files.reduce((n, file) => n + Math.max(1, input.findings.filter((f) => f.file === file).length), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ncompose lint" tests="${total}" failures="${input.findings.length}" errors="0">\n${suites}</testsuites>\n`;
}

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Characters XML 1.0 cannot hold at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}
