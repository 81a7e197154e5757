/** Secret-looking environment values never reach a screen or a shared JSON file. */
import type { FieldChange, Plan } from './plan-types.js';

export const MASK = '********';
const SECRET_KEY = /PASSWORD|SECRET|TOKEN|KEY/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A change under `environment.<KEY>` (or `build.args.<KEY>`) with a secret-looking key. */
export function isSecretChange(change: FieldChange): boolean {
  const m = /^(?:environment|build\.args)\.(.+)$/.exec(change.path);
  return Boolean(m && isSecretKey(m[1]));
}

export function maskChange(change: FieldChange): FieldChange {
  if (!isSecretChange(change)) return change;
  return { ...change, before: change.before == null ? null : MASK, after: change.after == null ? null : MASK };
}

/** The plan as it may be shown: secrets masked, the embedded model left out. */
export function maskPlan(plan: Plan): Plan {
  const { model: _model, ...rest } = plan;
  return { ...rest, actions: plan.actions.map((a) => ({ ...a, changes: a.changes.map(maskChange) })) };
}
