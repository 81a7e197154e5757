/** The plan as JSON: `--format json` (masked, no model) and `-o plan.json` (complete, to apply later). */
import { maskPlan } from './masking.js';
import type { Plan } from './plan-types.js';

export function renderPlanJson(plan: Plan): string {
  return JSON.stringify(maskPlan(plan), null, 2) + '\n';
}

export function serializePlan(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + '\n';
}

/** Reads a saved plan back; the caller validates it against schemas/plan.schema.json if it wants. */
export function parsePlan(text: string): Plan {
  const p = JSON.parse(text) as Plan;
  if (p?.formatVersion !== 1 || !Array.isArray(p.actions)) throw new Error('not an ncompose plan (formatVersion 1)');
  return p;
}
