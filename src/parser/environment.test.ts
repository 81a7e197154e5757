import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnvironment } from './environment.js';
import { createContext } from './load.js';
import type { LoadOptions } from './types.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ncompose-env-'));
  for (const [name, text] of Object.entries(files)) {
    if (text === '<dir>') mkdirSync(path.join(dir, name));
    else writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function build(dir: string, options: Partial<LoadOptions>) {
  const ctx = createContext({ cwd: dir, env: {}, ...options });
  ctx.workingDir = dir;
  const env = buildEnvironment(ctx.options, ctx);
  const diags = ctx.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.range?.line }));
  return { env: { ...env }, diags };
}

describe('buildEnvironment', () => {
  it('reads .env in the project directory; the OS environment wins', () => {
    const dir = project({ '.env': 'A=from-file\nB=from-file\nC=${A}-x\n' });
    const { env, diags } = build(dir, { env: { A: 'from-os' } });
    expect(env).toEqual({ A: 'from-os', B: 'from-file', C: 'from-os-x' });
    expect(diags).toEqual([]);
  });

  it('uses --env-file instead of .env; several files, later wins and sees earlier values', () => {
    const dir = project({ '.env': 'DOT=1\n', 'base.env': 'HOST=localhost\nURL="http://${HOST}"\n', 'dev.env': 'HOST=dev.example\nURL="http://${HOST}"\n' });
    expect(build(dir, { envFiles: ['base.env', 'dev.env'] }).env).toEqual({ HOST: 'dev.example', URL: 'http://dev.example' });
    expect(build(dir, { envFiles: ['base.env', 'dev.env'], env: { HOST: 'os.example' } }).env).toEqual({ HOST: 'os.example', URL: 'http://os.example' });
  });

  it('a missing explicit env file is an error; a missing .env is not', () => {
    const dir = project({});
    expect(build(dir, { envFiles: ['nope.env'] }).diags).toEqual([{ code: 'env_file_not_found', severity: 'error', line: undefined }]);
    expect(build(dir, {}).diags).toEqual([]);
  });

  it('ignores a .env directory, but an explicit directory is an error', () => {
    const dir = project({ '.env': '<dir>' });
    expect(build(dir, {}).diags).toEqual([]);
    expect(build(dir, { envFiles: ['.env'] }).diags.map((d) => d.code)).toEqual(['env_file_invalid']);
  });

  it('reports a syntax error at its line', () => {
    const dir = project({ '.env': 'A=1\n\nBAD KEY=2\n' });
    expect(build(dir, {}).diags).toEqual([{ code: 'env_file_invalid', severity: 'error', line: 3 }]);
  });

  it('reports a required variable in .env and warns about unset ones at their line', () => {
    const dir = project({ '.env': 'A=$UNSET\nB=${REQ:?needed}\n' });
    expect(build(dir, {}).diags).toEqual([
      { code: 'interpolation_unset', severity: 'warning', line: 1 },
      { code: 'env_file_interpolation', severity: 'error', line: 2 },
    ]);
  });

  it('COMPOSE_DISABLE_ENV_FILE turns the default .env off', () => {
    const dir = project({ '.env': 'A=1\n' });
    expect(build(dir, { env: { COMPOSE_DISABLE_ENV_FILE: 'true' } }).env).toEqual({ COMPOSE_DISABLE_ENV_FILE: 'true' });
    expect(build(dir, { env: { COMPOSE_DISABLE_ENV_FILE: '0' } }).env).toEqual({ COMPOSE_DISABLE_ENV_FILE: '0', A: '1' });
  });
});
