/**
 * Through the real CLI: `ncompose config` prints compose's canonical form, its flags, exit codes,
 * and an output that `config` reads back to the same thing. (No engine calls.)
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ncompose, tempProject } from './helpers.js';

const { dir } = tempProject(
  {
    'compose.yaml': `name: cfg
services:
  web:
    image: \${IMAGE:-nginx}
    command: sh -c "echo $$HOME"
    ports: ["127.0.0.1:8080-8081:80-81"]
    volumes: ["./html:/usr/share/nginx/html:ro", "cache:/cache"]
    env_file: web.env
    depends_on: [db]
    healthcheck:
      test: wget -q -O- http://localhost
      interval: 90s
  db:
    image: postgres
volumes:
  cache: {}
`,
    'web.env': 'FROM_FILE=1\n',
  },
  'nccfg',
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (...args: string[]) => ncompose(['config', ...args], { cwd: dir, env: { IMAGE: 'nginx:1.27' } });

describe('ncompose config (CLI)', () => {
  it('prints the canonical YAML', () => {
    const r = config();
    expect(r.code, r.stderr).toBe(0);
    const doc = parse(r.stdout);
    expect(doc.name).toBe('cfg');
    expect(doc.services.web.image).toBe('nginx:1.27');
    expect(doc.services.web.command).toEqual(['sh', '-c', 'echo $$HOME']);
    expect(doc.services.web.ports).toEqual([
      { mode: 'ingress', host_ip: '127.0.0.1', target: 80, published: '8080', protocol: 'tcp' },
      { mode: 'ingress', host_ip: '127.0.0.1', target: 81, published: '8081', protocol: 'tcp' },
    ]);
    expect(doc.services.web.volumes[0]).toEqual({ type: 'bind', source: path.join(dir, 'html'), target: '/usr/share/nginx/html', read_only: true, bind: { create_host_path: true } });
    expect(doc.services.web.environment).toEqual({ FROM_FILE: '1' });
    expect(doc.services.web.env_file).toBeUndefined();
    expect(doc.services.web.healthcheck).toEqual({ test: ['CMD-SHELL', 'wget -q -O- http://localhost'], interval: '1m30s' });
    expect(doc.networks.default).toEqual({ name: 'cfg_default' });
    expect(doc.volumes.cache).toEqual({ name: 'cfg_cache' });
  });

  it('--format json has the same model plus compose-go JSON defaults', () => {
    const r = config('--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const yaml = parse(config().stdout);
    expect(json.services.db.command).toBeNull();
    expect(json.networks.default.ipam).toEqual({});
    expect(json.services.web.ports).toEqual(yaml.services.web.ports);
  });

  it('its output, given to config again, prints the same (YAML and JSON)', () => {
    for (const format of ['yaml', 'json']) {
      const out = path.join(dir, `out.${format}`);
      expect(config('--format', format, '-o', out).code).toBe(0);
      const again = ncompose(['-f', out, 'config', '--format', format], { cwd: dir });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toBe(readFileSync(out, 'utf8'));
    }
  });

  it.each([
    [['--services'], 'db\nweb\n'],
    [['--volumes'], 'cache\n'],
    [['--networks'], 'default\n'],
    [['--images'], 'postgres\nnginx:1.27\n'],
    [['-q'], ''],
  ])('%j', (args, expected) => {
    const r = config(...args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(expected);
  });

  it('--no-interpolate keeps ${VAR}', () => {
    const r = config('--no-interpolate', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).services.web.image).toBe('${IMAGE:-nginx}');
  });

  it('a usage error exits 2, an unknown service 1, neither with a stack trace', () => {
    const usage = config('--format', 'xml');
    expect(usage.code).toBe(2);
    const unknown = config('nope');
    expect(unknown.code).toBe(1);
    for (const r of [usage, unknown]) expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
