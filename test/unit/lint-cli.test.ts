/**
 * `ncompose lint` through the built CLI (`npm run build` first; NCOMPOSE_BIN runs a private build).
 * No engine needed. Asserts exit codes, rules and positions, not wording.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Each case spawns the CLI: seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = process.env.NCOMPOSE_BIN ?? path.join(ROOT, 'bin/ncompose.js');
const CORPUS = path.resolve(ROOT, '../shared/corpus/awesome-compose');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nclint-'));
  dirs.push(dir);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

function lint(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["--", BIN, 'lint', ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = (stdout: string) => JSON.parse(stdout) as { results: { file: string; findings: { rule: string; line: number; col: number; severity: string }[] }[]; errorCount: number; warningCount: number };
const rulesAt = (stdout: string) => json(stdout).results.flatMap((r) => r.findings.map((f) => `${r.file}:${f.line}:${f.col} ${f.rule}`));

const CLEAN = 'name: demo\nservices:\n  web:\n    image: nginx:1.27\n';
const PRIVILEGED = 'name: demo\nservices:\n  web:\n    image: nginx:1.27\n    privileged: true\n';
const WARN_ONLY = 'name: demo\nservices:\n  web:\n    image: nginx:latest\n';

describe('ncompose lint: exit codes', () => {
  it.each<[string, Record<string, string>, string[], number]>([
    ['clean', { 'compose.yaml': CLEAN }, [], 0],
    ['an error finding', { 'compose.yaml': PRIVILEGED }, [], 1],
    ['warnings only', { 'compose.yaml': WARN_ONLY }, [], 0],
    ['--fail-on warning', { 'compose.yaml': WARN_ONLY }, ['--fail-on', 'warning'], 1],
    ['--max-warnings 0', { 'compose.yaml': WARN_ONLY }, ['--max-warnings', '0'], 1],
    ['--max-warnings 1', { 'compose.yaml': WARN_ONLY }, ['--max-warnings', '1'], 0],
    ['--rule turns a rule off', { 'compose.yaml': PRIVILEGED }, ['--rule', 'no-privileged:off'], 0],
    ['--rule with a bad level', { 'compose.yaml': CLEAN }, ['--rule', 'no-privileged:loud'], 2],
    ['--rule with an unknown rule', { 'compose.yaml': CLEAN }, ['--rule', 'no-such-rule:error'], 2],
    ['a missing path', { 'compose.yaml': CLEAN }, ['nope.yaml'], 2],
    ['no compose file at all', { 'README.md': 'x' }, [], 2],
    ['an invalid config', { 'compose.yaml': CLEAN, 'ncompose.config.yaml': 'preset: lax\n' }, [], 2],
    ['YAML syntax error is a finding', { 'compose.yaml': 'services:\n  web: [\n' }, [], 1],
  ])('%s', (_n, files, args, code) => {
    const r = lint(args, project(files));
    expect(r.code, r.stderr + r.stdout).toBe(code);
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('ncompose lint: targets and findings', () => {
  it('lints the project compose files by default (with the override file)', () => {
    const dir = project({ 'compose.yaml': CLEAN, 'compose.override.yaml': 'services:\n  web:\n    privileged: true\n' });
    const r = lint(['--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(rulesAt(r.stdout)).toContain('compose.override.yaml:3:17 no-privileged');
  });

  it('searches a directory for compose files (pre-commit pattern), each its own project', () => {
    const dir = project({ 'a/compose.yaml': PRIVILEGED, 'b/docker-compose.prod.yml': PRIVILEGED, 'c/other.yaml': PRIVILEGED, 'node_modules/x/compose.yaml': PRIVILEGED });
    const r = lint(['.', '--format', 'json'], dir);
    expect(json(r.stdout).results.map((x) => x.file)).toEqual(['a/compose.yaml', 'b/docker-compose.prod.yml']);
    expect(rulesAt(r.stdout).filter((s) => s.endsWith('no-privileged'))).toEqual(['a/compose.yaml:5:17 no-privileged', 'b/docker-compose.prod.yml:5:17 no-privileged']);
  });

  it('honours inline directives and reports unused ones', () => {
    const yaml = 'name: demo\nservices:\n  web:\n    image: nginx:1.27\n    # ncompose-disable-next-line no-privileged -- needs /dev/kvm\n    privileged: true\n    # ncompose-disable-next-line no-host-network\n    restart: always\n';
    const r = lint(['compose.yaml', '--format', 'json'], project({ 'compose.yaml': yaml }));
    expect(rulesAt(r.stdout).filter((s) => /no-privileged|unused-directive/.test(s))).toEqual(['compose.yaml:7:5 unused-directive']);
    expect(r.code).toBe(0);
  });

  it('applies the config file: preset, levels, per-service excludes', () => {
    const config = 'preset: security\nrules:\n  no-floating-image-tag: error\nexclude:\n  - service: web\n    rules: [no-privileged]\n    reason: needs devices\n';
    const dir = project({ 'compose.yaml': 'name: demo\nservices:\n  web:\n    image: nginx:latest\n    privileged: true\n', 'ncompose.config.yaml': config });
    const r = lint(['--format', 'json'], dir);
    const fs = json(r.stdout).results[0]!.findings;
    expect(fs.find((f) => f.rule === 'no-floating-image-tag')?.severity).toBe('error');
    expect(fs.some((f) => f.rule === 'no-privileged')).toBe(false);
    const printed = JSON.parse(lint(['--print-config'], dir).stdout);
    expect(printed.preset).toBe('security');
    expect(printed.file).toBe(path.join(dir, 'ncompose.config.yaml'));
    expect(printed.rules['no-floating-image-tag'].level).toBe('error');
  });

  it('reports bad rule options at the rule entry in the config file (exit 2)', () => {
    const config = 'rules:\n  no-privileged: warning\n  no-floating-image-tag: [error, {bogus: 1}]\n';
    const dir = project({ 'compose.yaml': CLEAN, 'ncompose.config.yaml': config });
    const r = lint([], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, 'ncompose.config.yaml')}:3:26`); // the entry's value
    expect(r.stderr).toContain('lint_config_rule_options');
  });

  it('reads the config from package.json "ncompose"', () => {
    const dir = project({ 'compose.yaml': PRIVILEGED, 'package.json': JSON.stringify({ name: 'x', ncompose: { rules: { 'no-privileged': 'off' } } }) });
    expect(lint([], dir).code).toBe(0);
  });
});

describe('ncompose lint: output', () => {
  it('stylish: code frame and summary; NO_COLOR respected, FORCE_COLOR colours', () => {
    const dir = project({ 'compose.yaml': PRIVILEGED });
    const plain = lint([], dir);
    expect(plain.stdout).toContain('  > 5 |     privileged: true\n');
    expect(plain.stdout).toMatch(/✖ \d+ problems? \(1 error/);
    expect(plain.stdout).not.toContain('\u001b[');
    expect(lint([], dir, { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(lint([], dir, { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });

  it.each(['compact', 'json', 'sarif', 'github', 'junit', 'codeclimate'])('--format %s and -o FILE', (format) => {
    const dir = project({ 'compose.yaml': PRIVILEGED });
    const r = lint(['--format', format], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(format === 'junit' ? '<failure' : 'no-privileged');
    if (['json', 'sarif', 'codeclimate'].includes(format)) JSON.parse(r.stdout);
    const out = lint(['--format', format, '-o', 'report.out'], dir);
    expect(out.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'report.out'), 'utf8')).toBe(r.stdout);
  });

  it('--explain prints the rule documentation; an unknown rule exits 2', () => {
    const dir = project({ 'compose.yaml': CLEAN });
    const r = lint(['--explain', 'no-privileged'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(path.join(ROOT, 'docs/rules/no-privileged.md'), 'utf8'));
    expect(lint(['--explain', 'no-such-rule'], dir).code).toBe(2);
  });

  it('output is complete when piped (1000 services, sarif)', () => {
    const lines = ['services:'];
    for (let i = 0; i < 1000; i++) lines.push(`  s${i}:`, '    image: nginx:latest', '    privileged: true');
    const dir = project({ 'compose.yaml': lines.join('\n') + '\n' });
    const r = lint(['--format', 'sarif'], dir);
    const log = JSON.parse(r.stdout);
    expect(log.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'no-privileged')).toHaveLength(1000);
  });

  it('a reader that stops early (| head -1) is no error', () => {
    const lines = ['services:'];
    for (let i = 0; i < 3000; i++) lines.push(`  s${i}:`, '    image: nginx:latest');
    const dir = project({ 'compose.yaml': lines.join('\n') + '\n' });
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" lint --format compact | head -1`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stdout.split('\n')[0]).toMatch(/^compose\.yaml:3:12: warning: /);
    expect(r.stderr).toBe('');
  });
});

describe('ncompose lint: fixes', () => {
  const yaml = 'version: "3.8" # legacy\nname: demo\nservices:\n  web:\n    image: nginx:1.27   # pinned\n';
  it('--fix-dry-run prints a unified diff and changes nothing', () => {
    const dir = project({ 'compose.yaml': yaml });
    const r = lint(['--fix-dry-run'], dir);
    expect(r.stdout).toBe('--- a/compose.yaml\n+++ b/compose.yaml\n@@ -1,4 +1,3 @@\n-version: "3.8" # legacy\n name: demo\n services:\n   web:\n');
    expect(readFileSync(path.join(dir, 'compose.yaml'), 'utf8')).toBe(yaml);
  });

  it('--fix rewrites the file, keeps comments, and is idempotent', () => {
    const dir = project({ 'compose.yaml': yaml });
    const r = lint(['--fix'], dir);
    expect(r.code).toBe(0);
    const fixed = readFileSync(path.join(dir, 'compose.yaml'), 'utf8');
    expect(fixed).toBe('name: demo\nservices:\n  web:\n    image: nginx:1.27   # pinned\n');
    expect(lint(['--fix'], dir).code).toBe(0);
    expect(readFileSync(path.join(dir, 'compose.yaml'), 'utf8')).toBe(fixed);
    expect(lint(['--fix-dry-run'], dir).stdout).toBe('');
  });
});

describe('ncompose lint: the awesome-compose corpus', () => {
  it.runIf(existsSync(CORPUS))('lints every file without a crash', () => {
    const r = lint([CORPUS, '--format', 'json'], ROOT);
    expect(r.stderr).toBe('');
    const results = json(r.stdout).results;
    expect(results.length).toBeGreaterThanOrEqual(39);
    expect([0, 1]).toContain(r.code);
  });
});
