/** `ncompose down`: the planner's down plan (dependents first, then networks; volumes with -v), applied. */
import type { GlobalArgs } from '../cli/global-options.js';
import { useColor, type Io } from '../cli/io.js';
import { NcomposeError } from '../diagnostics.js';
import { planDown } from '../planner/down.js';
import { renderPlanHuman } from '../planner/render-human.js';
import { renderPlanJson } from '../planner/render-json.js';
import { applyPlan, failIfNot, openSession, snapshotOf, type ProgressArgs } from './engine/session.js';

interface DownArgs extends GlobalArgs, ProgressArgs {
  volumes?: boolean;
  rmi?: string;
  'remove-orphans'?: boolean;
  timeout?: number;
  'dry-run'?: boolean;
  format?: string;
  parallel?: number;
}

export async function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as DownArgs;
  if (args.rmi && args.rmi !== 'local' && args.rmi !== 'all') throw new NcomposeError(`--rmi ${args.rmi}: expected local or all`, [], 2);
  const s = await openSession(args, io);
  const snapshot = await snapshotOf(s);
  const plan = planDown(s.project, snapshot, {
    volumes: Boolean(args.volumes),
    rmi: args.rmi as 'local' | 'all' | undefined,
    removeOrphans: Boolean(args['remove-orphans']),
    disabledServices: Object.keys(s.meta.disabledServices ?? {}),
  });
  for (const w of plan.warnings ?? []) io.err(`warning: ${w}\n`);
  if (args['dry-run']) {
    io.out(args.format === 'json' ? renderPlanJson(plan) : renderPlanHuman(plan, { color: useColor(io) }));
    return 0;
  }
  const result = await applyPlan(s, plan, snapshot, io, args, { timeout: args.timeout, removeVolumes: Boolean(args.volumes), parallel: args.parallel }, 'Removing');
  failIfNot(result, 'down');
  return 0;
}
