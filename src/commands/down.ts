/** `ncompose down`: the planner's down plan (dependents first, then networks; volumes with -v), applied. */
import type { GlobalArgs } from '../cli/global-options.js';
import { useColor, type Io } from '../cli/io.js';
import { NcomposeError } from '../diagnostics.js';
import { planDown } from '../planner/down.js';
import { renderPlanHuman } from '../planner/render-human.js';
import { renderPlanJson } from '../planner/render-json.js';
import { applyPlan, failIfNot, openSession, snapshotOf, type ProgressArgs, type Session } from './engine/session.js';
import { removeRevisions } from '../safety/record-revision.js';
import { withProjectLock, type LockArgs } from '../safety/with-lock.js';

interface DownArgs extends GlobalArgs, ProgressArgs, LockArgs {
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
  if (args['dry-run']) return downLocked(s, args, io);
  return withProjectLock(s.engine, s.project.name, io, args, () => downLocked(s, args, io));
}

async function downLocked(s: Session, args: DownArgs, io: Io): Promise<number> {
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
  // -v forgets the project's data, and its deploy history with it; plain down keeps history for rollback.
  if (args.volumes) await removeRevisions(s.engine, s.project.name, io);
  return 0;
}
