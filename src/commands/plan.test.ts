/** `ncompose plan` and `ncompose graph` through the CLI entry, offline (no engine needed). */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import type { Io } from '../cli/io.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/awesome-compose');
const dir = mkdtempSync(path.join(os.tmpdir(), 'ncompose-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COMPOSE = `name: shop
services:
  web:
    image: app:1
    environment:
      API_KEY: abc123
    depends_on:
      api: { condition: service_healthy }
  api:
    image: api:1
    depends_on: [db]
    scale: 2
  db:
    image: postgres:16
    volumes: ["data:/var/lib/postgresql/data"]
volumes:
  data: {}
`;
writeFileSync(path.join(dir, 'compose.yaml'), COMPOSE);

async function cli(args: string[], env: Record<string, string> = {}, tty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  const o = { stdout: '', stderr: '' };
  const io: Io = { out: (t) => void (o.stdout += t), err: (t) => void (o.stderr += t), stdoutIsTTY: tty, stderrIsTTY: tty, env: { ...env }, cwd: dir };
  const code = await main(args, io);
  return { code, ...o };
}

describe('ncompose plan --offline', { timeout: 30_000 }, () => {
  it('plans everything as new, in dependency order', async () => {
    const r = await cli(['plan', '--offline']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('+'));
    expect(lines.map((l) => l.split(' ')[3])).toEqual(['shop_default', 'shop_data', 'shop-db-1', 'shop-api-1', 'shop-api-2', 'shop-web-1']);
    expect(r.stdout).toContain('Plan: 6 to create, 0 to recreate, 0 to remove.');
  });

  it('--detailed-exitcode gives 2 when changes are pending', async () => {
    expect((await cli(['plan', '--offline', '--detailed-exitcode'])).code).toBe(2);
  });

  it('--format json follows the contract, masks nothing it should not show and has no model', async () => {
    const r = await cli(['plan', '--offline', '--format', 'json']);
    const p = JSON.parse(r.stdout);
    expect(p.formatVersion).toBe(1);
    expect(p.model).toBeUndefined();
    const web = p.actions.find((a: { id: string }) => a.id === 'container:web-1');
    expect(web.dependsOn).toEqual(expect.arrayContaining(['container:api-1', 'container:api-2', 'network:default']));
    expect(web.waitFor.map((w: { condition: string }) => w.condition)).toEqual(['service_healthy', 'service_healthy']);
  });

  it('-o saves the complete plan with the model', async () => {
    const out = path.join(dir, 'plan.json');
    expect((await cli(['plan', '--offline', '-o', out, '--format', 'json'])).code).toBe(0);
    const saved = JSON.parse(readFileSync(out, 'utf8'));
    expect(saved.model.services.web.environment.API_KEY).toBe('abc123');
    expect(saved.actions.map((a: { id: string }) => a.id)).toContain('container:web-1');
  });

  it('SERVICE… narrows the plan, --no-deps to the service alone, --scale overrides', async () => {
    const withDeps = await cli(['plan', '--offline', 'api', '--format', 'json']);
    expect(JSON.parse(withDeps.stdout).actions.filter((a: { type: string }) => a.type === 'container').map((a: { name: string }) => a.name)).toEqual(['shop-db-1', 'shop-api-1', 'shop-api-2']);
    const alone = await cli(['plan', '--offline', 'api', '--no-deps', '--scale', 'api=1', '--format', 'json']);
    expect(JSON.parse(alone.stdout).actions.filter((a: { type: string }) => a.type === 'container').map((a: { name: string }) => a.name)).toEqual(['shop-api-1']);
  });

  it('rejects --force-recreate with --no-recreate, and a bad --scale', async () => {
    expect((await cli(['plan', '--offline', '--force-recreate', '--no-recreate'])).code).toBe(2);
    expect((await cli(['plan', '--offline', '--scale', 'api'])).code).toBe(2);
  });

  it('colours only on a TTY, never with NO_COLOR', async () => {
    expect((await cli(['plan', '--offline'], {}, true)).stdout).toMatch(/\u001b\[/);
    expect((await cli(['plan', '--offline'], {}, false)).stdout).not.toMatch(/\u001b\[/);
    expect((await cli(['plan', '--offline'], { NO_COLOR: '1' }, true)).stdout).not.toMatch(/\u001b\[/);
  });

  it('without --offline an unreachable engine is one clear error (exit 1)', async () => {
    const r = await cli(['plan', '--detailed-exitcode'], { DOCKER_HOST: `unix://${dir}/no-such.sock` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-such.sock');
    expect(r.stdout).toBe('');
  });

  it('an unknown service is an error (exit 1)', async () => {
    const r = await cli(['plan', '--offline', 'nope']);
    expect(r.code).toBe(1);
  });
});

describe('ncompose graph', { timeout: 30_000 }, () => {
  it('draws mermaid by default', async () => {
    const r = await cli(['graph']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual(
      expect.arrayContaining(['flowchart TD', '  s0["api"]', '  s0 -->|service_started| s1', '  s2 -->|service_healthy| s0']),
    );
  });

  it('draws dot', async () => {
    const r = await cli(['graph', '--format', 'dot']);
    expect(r.stdout).toContain('digraph "shop" {');
    expect(r.stdout).toContain('"web" -> "api" [label="service_healthy"];');
  });
});

describe('every awesome-compose file plans offline', { timeout: 30_000 }, () => {
  const files = readdirSync(CORPUS)
    .sort()
    .flatMap((d) => readdirSync(path.join(CORPUS, d)).filter((f) => /^(docker-)?compose\.ya?ml$/.test(f)).map((f) => path.join(CORPUS, d, f)));
  it('finds the corpus', () => expect(files.length).toBeGreaterThanOrEqual(39));
  it.each(files)('%s', async (file) => {
    const r = await cli(['plan', '--offline', '-f', file, '--format', 'json']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p.actions.filter((a: { type: string }) => a.type === 'container').length).toBeGreaterThan(0);
    expect(p.summary.remove).toBe(0);
  });
});
