/** `ncompose pull [SERVICE…]`: pull every service image concurrently (built-only services are skipped). */
import type { GlobalArgs } from '../cli/global-options.js';
import type { Io } from '../cli/io.js';
import { NcomposeError } from '../diagnostics.js';
import type { Plan, PlanAction } from '../planner/plan-types.js';
import { summarize } from '../planner/plan.js';
import { applyPlan, failIfNot, openSession, type ProgressArgs } from './engine/session.js';

interface PullArgs extends GlobalArgs, ProgressArgs {
  services?: string[];
  'ignore-buildable'?: boolean;
  'ignore-pull-failures'?: boolean;
  'include-deps'?: boolean;
}

export async function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as PullArgs;
  const s = await openSession(args, io);
  // Every step reports its own failure: an unreachable engine is said once, before any step.
  await s.engine.ping();
  const names = args.services?.length ? args.services : Object.keys(s.project.services).sort();
  const refs = new Map<string, string>();
  for (const n of names) {
    const svc = s.project.services[n];
    if (!svc) throw new NcomposeError(`no such service: ${n}`);
    if (!svc.image || (svc.build && args['ignore-buildable'])) continue;
    if (!refs.has(svc.image)) refs.set(svc.image, n);
  }
  const actions: PlanAction[] = [...refs].map(([ref, service]) => ({
    id: `image:${ref}`, action: 'pull', type: 'image', name: ref, service, cause: 'pull', changes: [], dependsOn: [], details: { ref },
  }));
  const plan: Plan = { formatVersion: 1, project: s.project.name, command: 'up', fingerprint: '', actions, summary: summarize(actions) };
  const snapshot = { project: s.project.name, containers: [], networks: [], volumes: [], images: {} };
  const result = await applyPlan(s, plan, snapshot, io, args, {}, 'Pulling');
  if (!args['ignore-pull-failures']) failIfNot(result, 'pull');
  return 0;
}
