// The interpolation stages inside the whole loader: .env → interpolation → casts → profiles.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from './load.js';

function write(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ncompose-interp-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const COMPOSE = `services:
  web:
    image: "nginx:\${TAG:-latest}"
    read_only: \${RO:-false}
    ports:
      - target: \${PORT}
        published: "\${HOST_PORT:-8080}"
    environment:
      GREETING: \${GREETING}
      LITERAL: "$$HOME"
  debug:
    image: busybox
    profiles: [debug]
`;

describe('loader with .env, interpolation and profiles', () => {
  it('interpolates from .env with the OS environment winning, casts, and applies COMPOSE_PROFILES', () => {
    const dir = write({ 'compose.yaml': COMPOSE, '.env': 'TAG=1.27\nPORT=80\nGREETING="hello ${TAG}"\nRO=true\nCOMPOSE_PROFILES=debug\n' });
    const r = loadProject({ cwd: dir, env: { TAG: '1.29' } });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const web = r.project!.services.web!;
    expect(web.image).toBe('nginx:1.29');
    expect(web.read_only).toBe(true);
    expect(web.ports?.[0]).toMatchObject({ target: 80, published: '8080' });
    expect(web.environment).toMatchObject({ GREETING: 'hello 1.29', LITERAL: '$HOME' });
    expect(Object.keys(r.project!.services).sort()).toEqual(['debug', 'web']);
  });

  it('reports a required variable at file:line:col and unset ones as warnings', () => {
    const dir = write({ 'compose.yaml': 'services:\n  web:\n    image: busybox\n    command: ${CMD:?set CMD}\n    user: $WHO\n' });
    const r = loadProject({ cwd: dir, env: {} });
    const found = r.diagnostics.map((d) => [d.code, d.severity, d.range?.file, d.range?.line, d.range?.col]);
    expect(found).toEqual([
      ['interpolation_required', 'error', 'compose.yaml', 4, 14],
      ['interpolation_unset', 'warning', 'compose.yaml', 5, 11],
    ]);
  });

  it('skips interpolation with interpolate: false', () => {
    const dir = write({ 'compose.yaml': 'services:\n  web:\n    image: "busybox:${TAG:?}"\n' });
    const r = loadProject({ cwd: dir, env: {}, interpolate: false });
    expect(r.diagnostics.filter((d) => d.code.startsWith('interpolation_'))).toEqual([]);
  });

  it('an explicit --env-file replaces .env', () => {
    const dir = write({ 'compose.yaml': 'services:\n  web:\n    image: "busybox:${TAG}"\n', '.env': 'TAG=dot\n', 'prod.env': 'TAG=prod\n' });
    expect(loadProject({ cwd: dir, env: {}, envFiles: ['prod.env'] }).project!.services.web!.image).toBe('busybox:prod');
    expect(loadProject({ cwd: dir, env: {} }).project!.services.web!.image).toBe('busybox:dot');
  });
});
