import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Project } from './project.js';
import { composeShape, projectToJson, projectToYaml } from './serialize.js';

const project = {
  name: 'p',
  services: {
    web: {
      command: null,
      entrypoint: ['/init'],
      image: 'nginx',
      mem_limit: 536870912,
      shm_size: 1024,
      ulimits: { nproc: { single: 65535 }, nofile: { soft: 1, hard: 2 } },
      extra_hosts: { b: ['10.0.0.2'], a: ['::1', '10.0.0.1'] },
      secrets: [{ source: 's', target: '/run/secrets/s', mode: 0o440 }],
      deploy: { replicas: 2 },
      volumes: [{ type: 'tmpfs', target: '/tmp', tmpfs: { size: 65536 } }],
      environment: { Z: '1', A: '$HOME' },
      networks: { default: null },
    },
  },
  networks: { default: { name: 'p_default', ipam: {} } },
  'x-top': { b: 1, a: 2 },
} as unknown as Project;

describe('compose-shaped output', () => {
  it.each([
    ['byte sizes are strings of digits', 'services.web.mem_limit', '536870912'],
    ['shm_size too', 'services.web.shm_size', '1024'],
    ['a single ulimit is a number', 'services.web.ulimits.nproc', 65535],
    ['soft/hard ulimits stay a mapping', 'services.web.ulimits.nofile', { soft: 1, hard: 2 }],
    ['extra_hosts is a sorted host=ip list', 'services.web.extra_hosts', ['a=10.0.0.1', 'a=::1', 'b=10.0.0.2']],
    ['file modes are octal strings', 'services.web.secrets.0.mode', '0440'],
    ['tmpfs size is a byte string', 'services.web.volumes.0.tmpfs.size', '65536'],
  ])('%s', (_name, dotted, want) => {
    for (const format of ['json', 'yaml'] as const) {
      let v: unknown = composeShape(project, format);
      for (const seg of dotted.split('.')) v = (v as Record<string, unknown>)[seg];
      expect(v).toEqual(want);
    }
  });

  it('JSON keeps command: null, ipam: {} and deploy structs; YAML drops them', () => {
    const json = JSON.parse(projectToJson(project));
    const yaml = parse(projectToYaml(project));
    expect(json.services.web.command).toBeNull();
    expect('command' in yaml.services.web).toBe(false);
    expect(json.networks.default.ipam).toEqual({});
    expect(yaml.networks.default).toEqual({ name: 'p_default' });
    expect(json.services.web.deploy).toEqual({ replicas: 2, resources: {}, placement: {} });
    expect(yaml.services.web.deploy).toEqual({ replicas: 2 });
  });

  it('orders service keys like compose-go struct fields and sorts maps', () => {
    const web = composeShape(project, 'yaml').services as Record<string, Record<string, unknown>>;
    expect(Object.keys(web.web!)).toEqual(['deploy', 'entrypoint', 'environment', 'extra_hosts', 'image', 'mem_limit', 'networks', 'secrets', 'shm_size', 'ulimits', 'volumes']);
    expect(Object.keys(web.web!.environment as object)).toEqual(['A', 'Z']);
    expect(Object.keys(composeShape(project, 'json'))).toEqual(['name', 'networks', 'services', 'x-top']);
  });

  it('escapes $ only when asked', () => {
    expect(projectToYaml(project)).toContain('A: $HOME');
    expect(projectToYaml(project, { escapeDollars: true })).toContain('A: $$HOME');
    expect(JSON.parse(projectToJson(project, { escapeDollars: true })).services.web.environment.A).toBe('$$HOME');
  });
});
