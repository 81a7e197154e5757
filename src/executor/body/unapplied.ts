/** Attributes ncompose accepts but does not apply to a container: each set one gets a warning. */
import type { Mapper } from './context.js';

const NOT_APPLIED: [path: string, why: string][] = [
  ['annotations', 'needs Engine API 1.43'],
  ['credential_spec', 'Windows only'],
  ['develop', 'watch mode is not supported'],
  ['post_start', 'lifecycle hooks are not supported'],
  ['pre_stop', 'lifecycle hooks are not supported'],
  ['platform', 'the engine picks the platform of the local image'],
  ['deploy.mode', 'Swarm only'],
  ['deploy.labels', 'Swarm only'],
  ['deploy.placement', 'Swarm only'],
  // order, parallelism, delay and failure_action drive `up` (planner/strategy.ts); these two do not.
  ['deploy.update_config.monitor', 'Swarm only'],
  ['deploy.update_config.max_failure_ratio', 'Swarm only'],
  ['deploy.rollback_config', 'Swarm only'],
  ['deploy.endpoint_mode', 'Swarm only'],
  ['deploy.restart_policy.delay', 'Swarm only'],
  ['deploy.restart_policy.window', 'Swarm only'],
];

export const mapUnapplied: Mapper = (ctx, spec) => {
  for (const [path, why] of NOT_APPLIED) {
    if (valueAt(ctx.svc, path) !== undefined) spec.unapplied.push(`${path} (${why})`);
  }
};

function valueAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
