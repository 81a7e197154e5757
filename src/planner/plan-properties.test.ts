/**
 * Properties over random projects and engine states: the order respects every dependency edge,
 * planning against the state a plan produces gives no changes, and every plan fits the schema.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../engine/engine.js';
import type { Project, ServiceConfig } from '../model/project.js';
import { applyPlanToSnapshot } from './apply-plan.js';
import { planDown } from './down.js';
import { adjacency, serviceEdges, serviceScope } from './graph.js';
import { plan, type PlanOptions } from './plan.js';
import type { Plan } from './plan-types.js';
import { maskPlan } from './masking.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

const IMAGES = ['app:1', 'app:2', 'db:1'];

/** One service of index i: it may only point at lower indices, so the graph is a DAG. */
function serviceArb(i: number): fc.Arbitrary<ServiceConfig> {
  const lower = Array.from({ length: i }, (_, j) => `s${j}`);
  return fc
    .record({
      image: fc.constantFrom(...IMAGES, undefined),
      release: fc.constantFrom('v1', 'v2'),
      scale: fc.integer({ min: 0, max: 3 }),
      deps: fc.subarray(lower, { maxLength: Math.min(2, lower.length) }),
      cond: fc.constantFrom('service_started', 'service_healthy', 'service_completed_successfully'),
      parent: lower.length ? fc.option(fc.constantFrom(...lower), { freq: 4 }) : fc.constant(null),
      links: fc.subarray(lower, { maxLength: Math.min(1, lower.length) }),
      nets: fc.subarray(['front', 'back'], { maxLength: 2 }),
      data: fc.boolean(),
    })
    .map((r) => {
      const svc: ServiceConfig = { command: null, entrypoint: null, environment: { RELEASE: r.release }, scale: r.scale };
      if (r.image) svc.image = r.image;
      else svc.build = { context: '.' };
      if (r.deps.length) svc.depends_on = Object.fromEntries(r.deps.map((d) => [d, { condition: r.cond as 'service_started', required: true }]));
      if (r.parent) svc.network_mode = `service:${r.parent}`;
      else if (r.nets.length) svc.networks = Object.fromEntries(r.nets.map((n) => [n, null]));
      if (r.links.length) svc.links = r.links;
      if (r.data) svc.volumes = [{ type: 'volume', source: 'data', target: '/data' }];
      return svc;
    });
}

const projectArb: fc.Arbitrary<Project> = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => serviceArb(i))).map((svcs) => ({
    name: 'p',
    services: Object.fromEntries(svcs.map((s, i) => [`s${i}`, s])),
    networks: { front: { name: 'p_front', ipam: {} }, back: { name: 'p_back', ipam: {} }, default: { name: 'p_default', ipam: {} } },
    volumes: { data: { name: 'p_data' } },
  })),
);

const optionsArb: fc.Arbitrary<PlanOptions> = fc.record({
  removeOrphans: fc.boolean(),
  noRecreate: fc.boolean(),
  forceRecreate: fc.boolean(),
  noDeps: fc.boolean(),
  services: fc.subarray(['s0', 's1', 's2'], { maxLength: 2 }),
});

/** An engine state: what an older project left behind, then disturbed (stopped, moved images). */
const stateArb = (desired: Project): fc.Arbitrary<Snapshot> =>
  fc.record({ old: fc.oneof(fc.constant(desired), projectArb), stop: fc.array(fc.nat(), { maxLength: 3 }), moved: fc.subarray(IMAGES), present: fc.subarray(IMAGES) }).map((r) => {
    const base: Snapshot = { project: 'p', containers: [], networks: [], volumes: [], images: Object.fromEntries(r.present.map((i) => [i, `sha256:${i}`])) };
    // The old project may name services the desired one lacks: they become orphans.
    const old = { ...r.old, services: Object.fromEntries(Object.entries(r.old.services).map(([k, v]) => [desired.services[k] ? k : `gone${k}`, v])) };
    let s = applyPlanToSnapshot(plan(old, base), base, old);
    s = { ...s, containers: s.containers.map((c, i) => (r.stop.includes(i) ? { ...c, state: 'exited' as const } : c)) };
    for (const ref of r.moved) if (s.images[ref]) s.images[ref] = `${s.images[ref]}-moved`;
    return s;
  });

const caseArb = projectArb.chain((desired) => fc.tuple(fc.constant(desired), stateArb(desired), optionsArb));

function validOptions(p: Project, o: PlanOptions): PlanOptions {
  const services = (o.services ?? []).filter((s) => p.services[s]);
  return { ...o, services, forceRecreate: o.forceRecreate && !o.noRecreate };
}

function indexOf(p: Plan): Map<string, number> {
  return new Map(p.actions.map((a, i) => [a.id, i]));
}

describe('planner properties', () => {
  it('every action comes after its dependsOn, and every dependency edge is respected', () => {
    fc.assert(
      fc.property(caseArb, ([desired, state, o]) => {
        const opts = validOptions(desired, o);
        const p = plan(desired, state, opts);
        const at = indexOf(p);
        for (const a of p.actions) for (const d of a.dependsOn) expect(at.get(d)!).toBeLessThan(at.get(a.id)!);
        const adj = adjacency(desired, serviceEdges(desired));
        const scope = serviceScope(adj, opts.services ?? [], Boolean(opts.noDeps));
        for (const e of serviceEdges(desired)) {
          if (!scope.has(e.from) || !scope.has(e.to)) continue;
          const of = (svc: string) => p.actions.filter((a) => a.type === 'container' && a.service === svc && a.action !== 'remove').map((a) => at.get(a.id)!);
          for (const before of of(e.to)) for (const after of of(e.from)) expect(before).toBeLessThan(after);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('planning against the state a plan produces gives no changes', () => {
    fc.assert(
      fc.property(caseArb, ([desired, state, o]) => {
        const opts = validOptions(desired, o);
        const first = plan(desired, state, opts);
        const after = applyPlanToSnapshot(first, state, desired);
        const again = plan(desired, after, { ...opts, forceRecreate: false });
        expect(again.actions.filter((a) => a.action !== 'noop').map((a) => `${a.action} ${a.id} ${a.cause}`)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('the generated cases exercise every kind of action', () => {
    const seen = new Set<string>();
    for (const [desired, state, o] of fc.sample(caseArb, { numRuns: 300, seed: 7 })) {
      for (const a of plan(desired, state, validOptions(desired, o)).actions) seen.add(`${a.action}:${a.cause}`);
    }
    for (const k of ['create:missing', 'create:scale_up', 'recreate:config_changed', 'recreate:image_changed', 'recreate:dependency_recreated', 'recreate:force_recreate', 'start:stopped', 'remove:scale_down', 'remove:orphan', 'noop:up_to_date', 'pull:missing', 'build:missing']) {
      expect(seen, k).toContain(k);
    }
  }, 60_000);

  it('the same inputs give the same plan', () => {
    fc.assert(
      fc.property(caseArb, ([desired, state, o]) => {
        const opts = validOptions(desired, o);
        expect(JSON.stringify(plan(desired, state, opts))).toEqual(JSON.stringify(plan(desired, structuredClone(state), opts)));
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('every plan, full or masked, up or down, fits schemas/plan.schema.json', () => {
    fc.assert(
      fc.property(caseArb, fc.boolean(), ([desired, state, o], v) => {
        for (const p of [plan(desired, state, validOptions(desired, o)), planDown(desired, state, { volumes: v, rmi: 'all' })]) {
          for (const doc of [JSON.parse(JSON.stringify(p)), JSON.parse(JSON.stringify(maskPlan(p)))]) {
            expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('the down plan of any state removes every container after its dependents', () => {
    fc.assert(
      fc.property(caseArb, ([desired, state]) => {
        const p = planDown(desired, state, { volumes: true, removeOrphans: true });
        const after = applyPlanToSnapshot(p, state, desired);
        expect(after.containers).toEqual([]);
        const at = indexOf(p);
        for (const a of p.actions) for (const d of a.dependsOn) expect(at.get(d)!).toBeLessThan(at.get(a.id)!);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
