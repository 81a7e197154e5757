/** The human and JSON renderings: symbols, summary line, colour rules, masking, no model. */
import { describe, expect, it } from 'vitest';
import { plan } from './plan.js';
import { renderPlanHuman } from './render-human.js';
import { parsePlan, renderPlanJson, serializePlan } from './render-json.js';
import { modelFrom, snapshotFrom } from './testing.js';

const desired = modelFrom({
  name: 'p',
  services: {
    web: { image: 'app:2', environment: { RELEASE: 'v2', DB_PASSWORD: 'new-secret' } },
    db: { image: 'pg:16' },
    cache: { image: 'redis:7' },
  },
});
const snapshot = snapshotFrom(desired, {
  images: { 'app:2': 'sha256:a2', 'pg:16': 'sha256:p' },
  networks: ['default'],
  containers: [
    { service: 'web', from: { image: 'app:1', environment: { RELEASE: 'v1', DB_PASSWORD: 'old-secret' } } },
    { service: 'db', state: 'exited' },
    { service: 'old', from: { image: 'x:1' } },
  ],
});
const p = plan(desired, snapshot, { removeOrphans: true });

describe('renderPlanHuman', () => {
  const text = renderPlanHuman(p, { color: false });

  it('prints one line per change with its symbol, and the field diffs', () => {
    expect(text).toContain('< pull image redis:7 [missing]');
    expect(text).toContain('+ create container p-cache-1 (service cache) [missing]');
    expect(text).toContain('> start container p-db-1 (service db) [stopped]');
    expect(text).toContain('~ recreate container p-web-1 (service web) [config_changed]');
    expect(text).toContain('      image: app:1 → app:2');
    expect(text).toContain('      environment.RELEASE: v1 → v2');
    expect(text).toContain('- remove container p-old-1 (service old) [orphan]');
  });

  it('ends with the summary line', () => {
    expect(text).toContain('\nPlan: 1 to create, 1 to recreate, 1 to remove.\n');
    expect(text).toContain('Also: 1 to start, 1 to pull.');
  });

  it('masks secret-looking environment values', () => {
    expect(text).toContain('environment.DB_PASSWORD: ******** → ********');
    expect(text).not.toContain('secret');
  });

  it('uses colour only when asked', () => {
    expect(text).not.toMatch(/\u001b\[/);
    expect(renderPlanHuman(p, { color: true })).toMatch(/\u001b\[3\dm~ recreate/);
  });

  it('says so when nothing changes', () => {
    const quiet = plan(desired, snapshotFrom(desired, { images: { 'app:2': 'a', 'pg:16': 'b', 'redis:7': 'c' }, networks: ['default'], containers: [{ service: 'web' }, { service: 'db' }, { service: 'cache' }] }));
    const out = renderPlanHuman(quiet, { color: false });
    expect(out).toContain('No changes');
    expect(out).toContain('Plan: 0 to create, 0 to recreate, 0 to remove.');
    expect(renderPlanHuman(quiet, { color: false, showNoop: true })).toContain('  noop container p-web-1');
  });
});

describe('renderPlanJson', () => {
  const json = JSON.parse(renderPlanJson(p));

  it('follows the contract and leaves the model out', () => {
    expect(json.formatVersion).toBe(1);
    expect(json.project).toBe('p');
    expect(json.model).toBeUndefined();
    const web = json.actions.find((a: { id: string }) => a.id === 'container:web-1');
    expect(web).toMatchObject({ action: 'recreate', type: 'container', name: 'p-web-1', service: 'web' });
    expect(web.changes).toContainEqual({ path: 'environment.RELEASE', before: 'v1', after: 'v2' });
    expect(json.summary).toMatchObject({ create: 1, recreate: 1, remove: 1, start: 1, pull: 1 });
  });

  it('masks secrets', () => {
    expect(JSON.stringify(json)).not.toContain('secret');
    expect(json.actions.find((a: { id: string }) => a.id === 'container:web-1').changes).toContainEqual({ path: 'environment.DB_PASSWORD', before: '********', after: '********' });
  });

  it('the saved plan is complete and reads back equal', () => {
    const full = serializePlan(p);
    expect(JSON.parse(full).model.services.web.environment.DB_PASSWORD).toBe('new-secret');
    expect(parsePlan(full)).toEqual(JSON.parse(full));
    expect(() => parsePlan('{"formatVersion": 2, "actions": []}')).toThrow();
  });
});
