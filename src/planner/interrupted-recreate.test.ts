// A recreate killed between its create and its rename leaves `<id12>_<name>`: the next plan converges.
import { describe, expect, it } from 'vitest';
import { plan } from './plan.js';
import { modelFrom, planLines, snapshotFrom, type ContainerSpec } from './testing.js';

const model = modelFrom({ name: 'p', services: { api: { image: 'busybox', environment: { RELEASE: '2' } } } });
const temp = 'abcdef012345_p-api-1';

describe('interrupted recreate', () => {
  it.each<[string, ContainerSpec[], string]>([
    ['only the new container, still under its temporary name', [{ service: 'api', name: temp }], 'recreate'],
    ['the old one (old config) and the new one (temporary name)', [{ service: 'api', from: { environment: { RELEASE: '1' } } }, { service: 'api', name: temp }], 'recreate'],
  ])('%s → %s under the proper name, nothing else left', (_n, containers, action) => {
    const p = plan(model, snapshotFrom(model, { images: { busybox: 'sha256:b' }, networks: ['default'], containers }));
    const ctr = p.actions.filter((a) => a.type === 'container');
    const kept = ctr.filter((a) => a.action !== 'remove');
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ action, name: 'p-api-1' });
    expect(ctr.filter((a) => a.action === 'remove').length).toBe(containers.length - 1);
    expect(planLines(p).join('\n')).not.toContain('noop');
  });

  it('a name that merely contains an underscore is left alone', () => {
    const p = plan(model, snapshotFrom(model, { images: { busybox: 'sha256:b' }, networks: ['default'], containers: [{ service: 'api', name: 'p_api_1' }] }));
    expect(p.actions.filter((a) => a.type === 'container').map((a) => a.action)).toEqual(['noop']);
  });
});

describe('duplicates of a replica number', () => {
  it('are removed first, under their own ids, before the kept replica is recreated', () => {
    const p = plan(model, snapshotFrom(model, {
      images: { busybox: 'sha256:b' }, networks: ['default'],
      containers: [{ service: 'api', from: { environment: { RELEASE: '1' } } }, { service: 'api', name: temp, from: { environment: { RELEASE: '3' } } }],
    }));
    const remove = p.actions.find((a) => a.action === 'remove')!;
    const recreate = p.actions.find((a) => a.action === 'recreate')!;
    expect(remove.id).toBe(`container:${temp}`);
    expect(recreate.id).toBe('container:api-1');
    expect(recreate.dependsOn).toContain(remove.id);
    expect(p.actions.indexOf(remove)).toBeLessThan(p.actions.indexOf(recreate));
  });
});
