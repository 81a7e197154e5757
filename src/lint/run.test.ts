import { describe, expect, it } from 'vitest';
import { loadProject } from '../parser/load.js';
import { formatTimings, runRules, settingOf } from './run.js';
import { fixText, lintText, VIRTUAL_CWD } from './testing.js';
import { loadErrorRule, portRule, privilegedRule, quoteImageRule } from './test-support/doubles.js';

const pos = (f: { line: number; col: number; endLine: number; endCol: number }) => [f.line, f.col, f.endLine, f.endCol];

describe('runRules', () => {
  it('reports at the exact node (the port item, not ports:)', () => {
    const yaml = 'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n      - 9090:90\n';
    const fs = lintText(yaml, { rules: [portRule] });
    expect(fs.map((f) => [f.rule, f.severity, f.service, ...pos(f)])).toEqual([
      ['test-port', 'warning', 'web', 5, 9, 5, 18],
      ['test-port', 'warning', 'web', 6, 9, 6, 16],
    ]);
    expect(fs[0]!.message).toBe('port #0 of web');
    expect(fs[0]!.file).toBe('compose.yaml');
  });

  it('reports inside anchors at the alias site', () => {
    const yaml = 'x-ports: &p\n  - "80:80"\nservices:\n  a:\n    image: x\n    ports: *p\n';
    const fs = lintText(yaml, { rules: [portRule] });
    expect(fs.map(pos)).toEqual([[6, 12, 6, 14]]);
  });

  it('re-emits loader diagnostics at their range when loading fails', () => {
    const yaml = 'services:\n  a:\n    image: x\n    image: y\n';
    const fs = lintText(yaml, { rules: [loadErrorRule, portRule] });
    expect(fs.map((f) => [f.rule, ...pos(f)])).toEqual([['test-load-error', 4, 5, 4, 10]]);
    expect(fs[0]!.message).toContain('duplicate key');
  });

  it('works on YAML syntax errors (file-level rules only)', () => {
    const fs = lintText('services:\n  a: [\n', { rules: [loadErrorRule, portRule] });
    expect(fs.length).toBeGreaterThan(0);
    expect(fs.every((f) => f.rule === 'test-load-error')).toBe(true);
  });

  it('passes options merged over defaults', () => {
    const yaml = 'services:\n  a:\n    image: x\n    privileged: true\n  b:\n    image: x\n    privileged: true\n';
    expect(lintText(yaml, { rules: [privilegedRule] }).map((f) => f.service)).toEqual(['a', 'b']);
    expect(lintText(yaml, { rules: [privilegedRule], options: { allow: ['a'] } }).map((f) => f.service)).toEqual(['b']);
  });

  it('fixes keep comments and formatting, and are idempotent', () => {
    const yaml = '# top\nservices:\n  a:   # the app\n    image: nginx:1.27 # pinned\n    privileged: true\n';
    const once = fixText(yaml, { rules: [quoteImageRule, privilegedRule] });
    expect(once).toBe('# top\nservices:\n  a:   # the app\n    image: "nginx:1.27" # pinned\n    privileged: false\n');
    expect(fixText(once, { rules: [quoteImageRule, privilegedRule] })).toBe(once);
  });

  it('computes fix edits only when asked; findings still say they are fixable', () => {
    const file = `${VIRTUAL_CWD}/compose.yaml`;
    const load = loadProject({ files: [file], cwd: VIRTUAL_CWD, env: {}, overrides: { [file]: 'services:\n  a:\n    image: x\n    privileged: true\n' } });
    const settings = [settingOf(privilegedRule)];
    const [lazy] = runRules(load, settings, { computeFixes: false });
    expect(lazy).toMatchObject({ rule: 'test-privileged', fixable: true });
    expect(lazy!.fix).toBeUndefined();
    const [eager] = runRules(load, settings);
    expect(eager!.fix).toEqual([{ range: [44, 48], text: 'false' }]);
  });

  it('a rule that crashes is an internal error naming the rule', () => {
    const bad = { ...portRule, name: 'test-crash', create: () => { throw new Error('boom'); } };
    expect(() => lintText('services:\n  a:\n    image: x\n', { rules: [bad] })).toThrow(/test-crash crashed/);
  });
});

describe('timings (NCOMPOSE_TIMING)', () => {
  it('adds each rule’s time, and formats slowest first with shares', () => {
    const file = `${VIRTUAL_CWD}/compose.yaml`;
    const load = loadProject({ files: [file], cwd: VIRTUAL_CWD, env: {}, overrides: { [file]: 'services:\n  a:\n    image: x\n    privileged: true\n' } });
    const timings = new Map<string, number>();
    runRules(load, [settingOf(privilegedRule), settingOf(portRule)], { timings });
    runRules(load, [settingOf(privilegedRule)], { timings });
    expect([...timings.keys()].sort()).toEqual([portRule.name, privilegedRule.name].sort());
    expect([...timings.values()].every((ms) => ms >= 0)).toBe(true);
    const table = formatTimings(new Map([['fast', 1], ['slow', 3]])).split('\n');
    expect(table[2]).toMatch(/^slow +\| +3\.0 \| +75\.0%$/);
    expect(table[3]).toMatch(/^fast +\| +1\.0 \| +25\.0%$/);
  });
});
