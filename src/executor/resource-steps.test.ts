import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../engine/engine.js';
import type { Project } from '../model/project.js';
import type { ExecContext } from './context.js';
import { FakeEngine } from './fake-engine.js';
import { ContainerRegistry } from './registry.js';
import { networkBody, runVolumeAction } from './resource-steps.js';

const project: Project = {
  name: 'p',
  services: {},
  networks: {
    front: {
      name: 'p_front', driver: 'bridge', driver_opts: { 'com.docker.network.bridge.name': 'br-front' }, internal: true, attachable: true,
      labels: { team: 'net' }, ipam: { driver: 'default', config: [{ subnet: '172.30.0.0/16', gateway: '172.30.0.1', ip_range: '172.30.5.0/24' }] },
    },
  },
  volumes: { data: { name: 'p_data', driver: 'local', driver_opts: { type: 'tmpfs', device: 'tmpfs' }, labels: { keep: 'yes' } } },
};

function context(engine: FakeEngine): ExecContext {
  const snapshot: Snapshot = { project: 'p', containers: [], networks: [], volumes: [], images: {} };
  return {
    engine, project, workingDir: '/p', configFiles: [], environment: {}, snapshot, options: { version: '0.1.0' }, registry: new ContainerRegistry(snapshot),
    actions: new Map(), progress: () => {}, warn: () => {}, waits: new Map(),
  } as ExecContext;
}

describe('networks and volumes', () => {
  it('a network carries driver, options, ipam, internal, attachable, its labels and the compose labels', () => {
    expect(networkBody(context(new FakeEngine()), 'front', 'p_front')).toEqual({
      Name: 'p_front', Driver: 'bridge', Options: { 'com.docker.network.bridge.name': 'br-front' }, Internal: true, Attachable: true,
      IPAM: { Driver: 'default', Config: [{ Subnet: '172.30.0.0/16', Gateway: '172.30.0.1', IPRange: '172.30.5.0/24', AuxiliaryAddresses: undefined }] },
      Labels: { team: 'net', 'com.docker.compose.project': 'p', 'com.docker.compose.network': 'front', 'com.docker.compose.version': '0.1.0' },
    });
  });

  it('a volume carries driver, driver_opts, its labels and the compose labels', async () => {
    const engine = new FakeEngine();
    let body: unknown;
    engine.createVolume = async (b) => void (body = b);
    await runVolumeAction(context(engine), { id: 'volume:data', action: 'create', type: 'volume', name: 'p_data', cause: 'missing', changes: [], dependsOn: [], details: { key: 'data' } });
    expect(body).toEqual({
      Name: 'p_data', Driver: 'local', DriverOpts: { type: 'tmpfs', device: 'tmpfs' },
      Labels: { keep: 'yes', 'com.docker.compose.project': 'p', 'com.docker.compose.volume': 'data', 'com.docker.compose.version': '0.1.0' },
    });
  });
});
