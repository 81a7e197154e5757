import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { lintTextResult } from '../testing.js';
import { portRule, privilegedRule, quoteImageRule } from '../test-support/doubles.js';
import { FORMATTERS, type FormatInput } from './index.js';

const YAML = 'services:\n  web:\n    image: nginx\n    privileged: true\n    ports:\n      - "8080:80"\n  # ncompose-disable-next-line test-port\n  db: {image: "pg:16"}\n';
const rules = [portRule, privilegedRule, quoteImageRule];

function input(yaml = YAML, color = false): FormatInput {
  const r = lintTextResult(yaml, { rules });
  const files = r.load.sources.files;
  return { findings: r.findings, files: files.map((f) => f.displayPath), texts: new Map(files.map((f) => [f.displayPath, f.text])), rules, color, toolVersion: '0.1.0' };
}
const clean = (): FormatInput => ({ ...input(), findings: [] });

describe('formatters', () => {
  it('stylish: a code frame per finding and a summary, no colour codes without color', () => {
    const out = FORMATTERS.stylish(input());
    expect(out).toContain('  4:17  error  service web is privileged  test-privileged\n    3 |     image: nginx\n  > 4 |     privileged: true\n');
    expect(out).toContain('      |                 ^^^^\n');
    expect(out).toMatch(/✖ 4 problems \(1 error, 3 warnings, 0 info\)/);
    expect(out).toContain('2 problems potentially fixable');
    expect(out).not.toContain('\u001b[');
    expect(FORMATTERS.stylish(input(YAML, true))).toContain('\u001b[');
    expect(FORMATTERS.stylish(clean())).toBe('✔ 1 file linted, no problems\n');
  });

  it('compact: one line per finding', () => {
    expect(FORMATTERS.compact(input()).split('\n').slice(0, 2)).toEqual([
      'compose.yaml:3:12: warning: quote the image of web [test-quote-image]',
      'compose.yaml:4:17: error: service web is privileged [test-privileged]',
    ]);
  });

  it('json: findings per file with ranges and counts', () => {
    const j = JSON.parse(FORMATTERS.json(input()));
    expect(j).toMatchObject({ formatVersion: 1, errorCount: 1, warningCount: 3, fixableCount: 2 });
    expect(j.results[0].findings[2]).toEqual({ rule: 'test-port', category: 'security', severity: 'warning', message: 'port #0 of web', line: 6, col: 9, endLine: 6, endCol: 18, service: 'web' });
  });

  it('github: workflow commands with escaped properties', () => {
    const out = FORMATTERS.github(input());
    expect(out.split('\n')[1]).toBe('::error file=compose.yaml,line=4,col=17,endLine=4,endColumn=21,title=test-privileged::service web is privileged');
    const f = { ...input().findings[0]!, message: '50% a\nb', file: 'a,b:c.yaml' };
    expect(FORMATTERS.github({ ...input(), findings: [f] })).toBe('::warning file=a%2Cb%3Ac.yaml,line=3,col=12,endLine=3,endColumn=17,title=test-quote-image::50%25 a%0Ab\n');
  });

  it('junit: a failing test case per finding, a passing one per clean file', () => {
    const out = FORMATTERS.junit(input());
    expect(out).toContain('<testsuite name="compose.yaml" tests="4" failures="4" errors="0" skipped="0">');
    expect(out).toContain('<failure type="error" message="service web is privileged">');
    expect(FORMATTERS.junit(clean())).toContain('<testcase name="compose.yaml" classname="ncompose.lint"/>');
    const f = { ...input().findings[0]!, message: '<&"\u0001>' };
    expect(FORMATTERS.junit({ ...input(), findings: [f] })).toContain('message="&lt;&amp;&quot;&gt;"');
  });

  it('codeclimate: issues with positions and stable fingerprints', () => {
    const issues = JSON.parse(FORMATTERS.codeclimate(input()));
    expect(issues[1]).toMatchObject({ type: 'issue', check_name: 'test-privileged', severity: 'major', categories: ['Security'], location: { path: 'compose.yaml', positions: { begin: { line: 4, column: 17 } } } });
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);
  });
});

describe('sarif', () => {
  // The OASIS SARIF 2.1.0 (rtm.5) JSON schema, as shipped in the npm package @microsoft/jest-sarif (MIT).
  const schemaFile = path.resolve(__dirname, '../../../fixtures/lint/sarif-schema-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  // ajv 8 speaks draft-07: the draft-04 `id` becomes `$id` (no draft-04-only keywords are used).
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);

  it.each([
    ['findings', YAML],
    ['clean', 'services:\n  a:\n    image: "x:1"\n'],
    ['unused directive', 'services:\n  a:\n    image: "x:1" # ncompose-disable-line test-port\n'],
    ['yaml syntax error', 'services:\n  a: [\n'],
  ])('validates against the SARIF 2.1.0 schema: %s', (_n, yaml) => {
    const log = JSON.parse(FORMATTERS.sarif(input(yaml)));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.version).toBe('2.1.0');
    for (const r of log.runs[0].results) expect(log.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('partialFingerprints are stable when unrelated lines move, and unique', () => {
    const fp = (yaml: string) => JSON.parse(FORMATTERS.sarif(input(yaml))).runs[0].results.map((r: { ruleId: string; partialFingerprints: Record<string, string> }) => [r.ruleId, r.partialFingerprints['ncompose/v1']]);
    const before = fp(YAML);
    const after = fp('# a new comment line\nname: demo\n' + YAML);
    expect(after).toEqual(before);
    expect(new Set(before.map((x: string[]) => x[1])).size).toBe(before.length);
    expect(fp(YAML)).toEqual(before);
  });

  it('identical findings get distinct fingerprints', () => {
    const base = input();
    const twice = [base.findings[0]!, { ...base.findings[0]! }];
    const log = JSON.parse(FORMATTERS.sarif({ ...base, findings: twice }));
    const prints = log.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['ncompose/v1']);
    expect(prints).toHaveLength(2);
    expect(prints[0]).not.toBe(prints[1]);
  });
});
