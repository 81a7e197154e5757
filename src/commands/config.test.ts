import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { captureIo } from '../cli/capture-io.js';
import { NcomposeError } from '../diagnostics.js';
import { run } from './config.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ncompose-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  path.join(dir, 'compose.yaml'),
  `name: demo
services:
  web:
    image: \${IMG:-nginx}
    depends_on: [db]
    command: echo "$$HOME"
  db:
    image: postgres
    volumes: ["data:/var/lib/postgresql/data"]
  worker:
    build: .
    profiles: [jobs]
    networks: [back]
volumes:
  data: {}
  unused: {}
networks:
  back: {}
`,
);

const io = () => captureIo(dir, { HOME: '/home/t' });

async function config(args: Record<string, unknown>): Promise<string> {
  const out = io();
  expect(await run(args, out)).toBe(0);
  return out.stdout;
}

const HASH = /^[0-9a-f]{64}$/;

describe('ncompose config flags', () => {
  it.each([
    ['--services: active services, dependencies first', { services: true }, 'db\nweb\n'],
    ['--volumes: only volumes a service uses', { volumes: true }, 'data\n'],
    ['--networks: the default network, not the one of a disabled service', { networks: true }, 'default\n'],
    ['--images: image or <project>-<service>', { images: true }, 'postgres\nnginx\n'],
    ['--profiles: every declared profile', { profiles: true }, 'jobs\n'],
    ['-q: nothing', { quiet: true }, ''],
    ['--services with a profile enabled', { services: true, profile: ['jobs'] }, 'db\nweb\nworker\n'],
    ['--images with a profile enabled', { images: true, profile: ['jobs'] }, 'postgres\nnginx\ndemo-worker\n'],
  ])('%s', async (_name, args, expected) => {
    expect(await config(args)).toBe(expected);
  });

  it('--hash "*" prints one hash per service, sorted', async () => {
    const lines = (await config({ hash: '*' })).trim().split('\n').map((l) => l.split(' '));
    expect(lines.map(([n]) => n)).toEqual(['db', 'web']);
    for (const [, h] of lines) expect(h).toMatch(HASH);
  });

  it('YAML by default, JSON with the same model and compose-go JSON defaults', async () => {
    const yaml = parse(await config({}));
    const json = JSON.parse(await config({ format: 'json' }));
    expect(json.services.web.command).toEqual(['echo', '$$HOME']);
    expect(json.services.db.entrypoint).toBeNull();
    expect('entrypoint' in yaml.services.db).toBe(false);
    expect(json.networks.default).toEqual({ name: 'demo_default', ipam: {} });
    expect(yaml.networks.default).toEqual({ name: 'demo_default' });
    expect(Object.keys(json.volumes)).toEqual(['data']);
    expect(json.services.web.depends_on).toEqual(yaml.services.web.depends_on);
  });

  it('SERVICE… narrows to those services and their dependencies', async () => {
    const json = JSON.parse(await config({ format: 'json', service: ['db'] }));
    expect(Object.keys(json.services)).toEqual(['db']);
    const web = JSON.parse(await config({ format: 'json', service: ['web'] }));
    expect(Object.keys(web.services)).toEqual(['db', 'web']);
    // Naming a service enables its profile; only the resources it uses are printed.
    const worker = JSON.parse(await config({ format: 'json', service: ['worker'] }));
    expect(Object.keys(worker.services)).toEqual(['worker']);
    expect(Object.keys(worker.networks)).toEqual(['back']);
    expect(worker.volumes).toBeUndefined();
  });

  it('--no-interpolate keeps ${VAR} and does not escape $', async () => {
    const json = JSON.parse(await config({ format: 'json', interpolate: false }));
    expect(json.services.web.image).toBe('${IMG:-nginx}');
    expect(json.services.web.command).toEqual(['echo', '$$HOME']);
  });

  it('-o writes the output to a file', async () => {
    const file = path.join(dir, 'out.yaml');
    expect(await config({ output: file })).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(await config({}));
  });

  it('an unknown service is an error', async () => {
    await expect(run({ service: ['nope'] }, io())).rejects.toBeInstanceOf(NcomposeError);
  });
});
