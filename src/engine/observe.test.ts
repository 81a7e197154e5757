/** observe() reads only the project's resources (and the named externals) through the Engine port. */
import { describe, expect, it } from 'vitest';
import type { ContainerSummary, NetworkSummary, VolumeSummary } from './engine.js';
import { emptySnapshot, fingerprintSnapshot, observe, type EngineReader } from './observe.js';
import { modelFrom } from '../planner/testing.js';

const P = 'com.docker.compose.project';

function container(name: string, project: string, extra: Partial<ContainerSummary> = {}): ContainerSummary {
  return { id: `id-${name}`, name, image: 'app:1', imageId: 'sha256:a', state: 'running', status: 'Up 2 seconds', labels: { [P]: project }, created: 1, networks: [], ports: [], ...extra };
}

/** Filters like the engine: labels `k=v` must all match, names match exactly here. */
function fakeEngine(state: { containers: ContainerSummary[]; networks: NetworkSummary[]; volumes: VolumeSummary[]; images: Record<string, string> }) {
  const calls: string[] = [];
  const match = (labels: Record<string, string>, name: string, o: { labels?: string[]; names?: string[] }) =>
    (o.labels ?? []).every((l) => labels[l.split('=')[0]] === l.split('=').slice(1).join('=')) && (!o.names || o.names.includes(name));
  const engine: EngineReader = {
    async listContainers(o) {
      calls.push(`containers all=${o.all} ${o.labels}`);
      return state.containers.filter((c) => match(c.labels, c.name, o));
    },
    async listNetworks(o) {
      calls.push(`networks ${o.labels ?? ''}${o.names ?? ''}`);
      return state.networks.filter((n) => match(n.labels, n.name, o));
    },
    async listVolumes(o) {
      calls.push(`volumes ${o.labels ?? ''}${o.names ?? ''}`);
      return state.volumes.filter((v) => match(v.labels, v.name, o));
    },
    async inspectImage(ref) {
      calls.push(`image ${ref}`);
      return state.images[ref] ? { id: state.images[ref], tags: [ref], labels: {} } : undefined;
    },
  };
  return { engine, calls };
}

const project = modelFrom({
  name: 'shop',
  services: { web: { image: 'app:1' }, api: { build: { context: '.' } } },
  networks: { edge: { name: 'traefik', external: true, ipam: {} } },
  volumes: { data: { name: 'shop_data' }, shared: { name: 'shared', external: true } },
});

const net = (name: string, labels: Record<string, string> = {}): NetworkSummary => ({ id: `n-${name}`, name, driver: 'bridge', labels, internal: false, attachable: false });

describe('observe', () => {
  const { engine, calls } = fakeEngine({
    containers: [container('shop-web-1', 'shop'), container('other-web-1', 'other'), container('shop-api-1', 'shop', { state: 'exited' })],
    networks: [net('shop_default', { [P]: 'shop' }), net('traefik'), net('bridge')],
    volumes: [{ name: 'shop_data', driver: 'local', labels: { [P]: 'shop' } }, { name: 'shared', driver: 'local', labels: {} }, { name: 'junk', driver: 'local', labels: {} }],
    images: { 'app:1': 'sha256:a' },
  });

  it('takes the project resources, the external ones, and the image ids', async () => {
    const s = await observe(engine, project);
    expect(s.project).toBe('shop');
    expect(s.containers.map((c) => c.name)).toEqual(['shop-api-1', 'shop-web-1']);
    expect(s.networks.map((n) => n.name)).toEqual(['shop_default', 'traefik']);
    expect(s.volumes.map((v) => v.name)).toEqual(['shared', 'shop_data']);
    expect(s.images).toEqual({ 'app:1': 'sha256:a' });
    expect(calls).toContain('containers all=true com.docker.compose.project=shop');
    expect(calls).toContain('image shop-api');
  });

  it('fingerprints state, not status text', async () => {
    const s = await observe(engine, project);
    const f = fingerprintSnapshot(s);
    expect(f).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fingerprintSnapshot({ ...s, containers: s.containers.map((c) => ({ ...c, status: 'Up 3 hours', health: 'healthy' as const })) })).toBe(f);
    expect(fingerprintSnapshot({ ...s, containers: s.containers.map((c) => ({ ...c, state: 'exited' as const })) })).not.toBe(f);
    expect(fingerprintSnapshot({ ...s, images: { 'app:1': 'sha256:b' } })).not.toBe(f);
    expect(fingerprintSnapshot(emptySnapshot('shop'))).not.toBe(f);
  });
});
