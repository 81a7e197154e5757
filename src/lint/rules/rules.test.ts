/**
 * One table for every rule: fixtures/lint/rules/<rule>/<case>.yaml, with `<case>.json` holding the
 * expected findings ([line, col] or [line, col, endLine, endCol]) and the case's options, and
 * `<case>.fixed.yaml` the text after `--fix`. `valid-*` cases must produce no finding.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixText, lintText, type LintTextOptions } from '../testing.js';
import { RULES, RULES_BY_NAME } from './index.js';

export const FIXTURES = path.resolve(__dirname, '../../../fixtures/lint/rules');

interface CaseSpec {
  findings?: (number[] | { at: number[]; message?: string })[];
  options?: Record<string, unknown>;
  env?: Record<string, string>;
  files?: Record<string, string>;
  /** Project folder relative to the rule's fixture folder (for build contexts and env files on disk). */
  cwd?: string;
}

export interface Case {
  rule: string;
  name: string;
  file: string;
  yaml: string;
  spec: CaseSpec;
  fixed?: string;
}

export function loadCases(): Case[] {
  const out: Case[] = [];
  for (const rule of readdirSync(FIXTURES).sort()) {
    const dir = path.join(FIXTURES, rule);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml') && !n.endsWith('.fixed.yaml')).sort()) {
      const name = f.slice(0, -5);
      const json = path.join(dir, `${name}.json`);
      const fixed = path.join(dir, `${name}.fixed.yaml`);
      out.push({
        rule,
        name,
        file: path.join(dir, f),
        yaml: readFileSync(path.join(dir, f), 'utf8'),
        spec: existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as CaseSpec) : {},
        fixed: existsSync(fixed) ? readFileSync(fixed, 'utf8') : undefined,
      });
    }
  }
  return out;
}

export function optionsOf(c: Case): LintTextOptions {
  const rule = RULES_BY_NAME.get(c.rule);
  if (!rule) throw new Error(`fixture folder ${c.rule} names no rule`);
  return {
    rules: [rule],
    options: c.spec.options,
    env: c.spec.env,
    files: c.spec.files,
    cwd: c.spec.cwd ? path.resolve(FIXTURES, c.rule, c.spec.cwd) : undefined,
  };
}

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
    });
    if (c.fixed !== undefined) {
      const out = fixText(c.yaml, optionsOf(c));
      expect(out).toBe(c.fixed);
      expect(parseDocument(out).errors).toEqual([]);
    }
  });
});
