/**
 * One table for every rule: fixtures/lint/rules/<rule>/<case>.yaml, with `<case>.json` holding the
 * expected findings ([line, col] or [line, col, endLine, endCol]) and the case's options, and
 * `<case>.fixed.yaml` the text after `--fix`. `valid-*` cases must produce no finding.
 */
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixText, lintText } from '../testing.js';
import { loadCases, optionsOf } from './_fixtures.js';
import { RULES } from './index.js';

const cases = loadCases();

describe('rule fixtures', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(RULES.length * 2));

  it.each(cases.map((c) => [`${c.rule}/${c.name}`, c] as const))('%s', (_label, c) => {
    const findings = lintText(c.yaml, optionsOf(c)).filter((f) => f.rule === c.rule);
    const expected = c.spec.findings ?? [];
    if (c.name.startsWith('valid')) expect(expected).toEqual([]);
    else expect(expected.length).toBeGreaterThan(0);
    const got = findings.map((f, i) => {
      const e = expected[i];
      const at = Array.isArray(e) ? e : e?.at;
      return at && at.length === 4 ? [f.line, f.col, f.endLine, f.endCol] : [f.line, f.col];
    });
    expect(got).toEqual(expected.map((e) => (Array.isArray(e) ? e : e.at)));
    expected.forEach((e, i) => {
      if (!Array.isArray(e) && e.message) expect(findings[i]!.message).toContain(e.message);
      if (!Array.isArray(e) && e.file) expect(findings[i]!.file).toBe(e.file);
    });
    if (c.fixed !== undefined) {
      const out = fixText(c.yaml, optionsOf(c));
      expect(out).toBe(c.fixed);
      expect(parseDocument(out).errors).toEqual([]);
    }
  });
});
