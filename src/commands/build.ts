/** `ncompose build [SERVICE…]`: build every service with a `build:` section through the Engine API, output streamed. */
import type { GlobalArgs } from '../cli/global-options.js';
import type { Io } from '../cli/io.js';
import { NcomposeError } from '../diagnostics.js';
import { imageRef } from '../planner/names.js';
import type { Plan, PlanAction } from '../planner/plan-types.js';
import { summarize } from '../planner/plan.js';
import { applyPlan, failIfNot, openSession, type ProgressArgs } from './engine/session.js';

interface BuildArgs extends GlobalArgs, ProgressArgs {
  services?: string[];
  cache?: boolean;
  pull?: boolean;
  'build-arg'?: string[];
}

export async function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as BuildArgs;
  const s = await openSession(args, io);
  // Every step reports its own failure: an unreachable engine is said once, before any step.
  await s.engine.ping();
  const names = args.services?.length ? args.services : Object.keys(s.project.services).sort();
  const extraArgs = Object.fromEntries((args['build-arg'] ?? []).map((kv) => [kv.split('=')[0]!, kv.slice(kv.indexOf('=') + 1)]));
  const actions: PlanAction[] = [];
  for (const n of names) {
    const svc = s.project.services[n];
    if (!svc) throw new NcomposeError(`no such service: ${n}`);
    if (!svc.build) continue;
    svc.build = { ...svc.build, args: { ...svc.build.args, ...extraArgs }, no_cache: args.cache === false ? true : svc.build.no_cache, pull: args.pull ?? svc.build.pull };
    const ref = imageRef(s.project.name, n, svc);
    actions.push({ id: `image:${ref}`, action: 'build', type: 'image', name: ref, service: n, cause: 'build_requested', changes: [], dependsOn: [], details: { ref, service: n } });
  }
  const plan: Plan = { formatVersion: 1, project: s.project.name, command: 'up', fingerprint: '', actions, summary: summarize(actions) };
  const snapshot = { project: s.project.name, containers: [], networks: [], volumes: [], images: {} };
  const result = await applyPlan(s, plan, snapshot, io, { ...args, progress: args.progress ?? 'plain' }, {
    onBuildOutput: args.quiet ? undefined : (service, line) => io.out(`${service}  | ${line}\n`),
  }, 'Building');
  failIfNot(result, 'build');
  return 0;
}
