/** Table: {desired, observed, options} → expected plan lines, from fixtures/planner/*.yaml. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NcomposeError } from '../diagnostics.js';
import { planDown, type DownOptions } from './down.js';
import { plan, type PlanOptions } from './plan.js';
import type { Plan } from './plan-types.js';
import { modelFrom, planLines, snapshotFrom, type ObservedSpec } from './testing.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/planner');

interface Case {
  name: string;
  desired: Parameters<typeof modelFrom>[0];
  observed?: ObservedSpec;
  options?: PlanOptions;
  down?: DownOptions;
  expect?: string[];
  dependsOn?: Record<string, string[]>;
  waitFor?: Record<string, { action: string; condition: string; required: boolean }[]>;
  warnings?: number;
  error?: { code: string; count?: number; message?: string };
}

const cases: [string, Case][] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((f) => (parse(readFileSync(path.join(DIR, f), 'utf8')) as Case[]).map((c): [string, Case] => [`${f}: ${c.name}`, c]));

function run(c: Case): Plan {
  const model = modelFrom(c.desired);
  const snapshot = snapshotFrom(model, c.observed);
  return c.down ? planDown(model, snapshot, c.down) : plan(model, snapshot, c.options ?? {});
}

describe('planner table', () => {
  it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases)('%s', (_name, c) => {
    if (c.error) {
      let err: unknown;
      try {
        run(c);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(NcomposeError);
      const diags = (err as NcomposeError).diagnostics;
      expect(diags.map((d) => d.code)).toContain(c.error.code);
      if (c.error.count !== undefined) expect(diags).toHaveLength(c.error.count);
      if (c.error.message) expect(diags.map((d) => d.message).join('\n')).toContain(c.error.message);
      return;
    }
    const p = run(c);
    expect(planLines(p)).toEqual(c.expect ?? []);
    expect(run(c)).toEqual(p); // deterministic
    for (const [id, deps] of Object.entries(c.dependsOn ?? {})) {
      expect(p.actions.find((a) => a.id === id)?.dependsOn, id).toEqual(deps);
    }
    for (const [id, waits] of Object.entries(c.waitFor ?? {})) {
      const got = p.actions.find((a) => a.id === id)?.waitFor?.map(({ action, condition, required }) => ({ action, condition, required }));
      expect(got, id).toEqual(waits);
    }
    expect(p.warnings ?? []).toHaveLength(c.warnings ?? 0);
  });
});
