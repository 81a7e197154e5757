/**
 * `up`'s apply step with the safety of issue 6: Ctrl-C / SIGTERM watched while the plan runs,
 * then the atomic finish (verify → commit, or restore). `--no-rollback` keeps the plain path:
 * a failure stays as it is, an interruption exits 130 without restoring anything. `cleanup` is the
 * commit (removing backups) still running: the caller awaits it after its own last steps. The builds
 * and pulls `up` runs first (applyImages) are watched the same way.
 */
import type { Io } from '../cli/io.js';
import { NcomposeError } from '../diagnostics.js';
import type { Snapshot } from '../engine/engine.js';
import type { ExecuteOptions } from '../executor/context.js';
import type { ExecuteResult } from '../executor/execute.js';
import type { Plan } from '../planner/plan-types.js';
import { applyPlan, failIfNot, type Session } from '../commands/engine/session.js';
import { finishAtomicUp, type FinishArgs } from './atomic-up.js';
import { watchInterrupts } from './interrupt.js';

export async function applyUp(
  s: Pick<Session, 'engine' | 'project' | 'meta'>,
  plan: Plan,
  before: Snapshot,
  io: Io,
  args: FinishArgs,
  options: Omit<ExecuteOptions, 'version'>,
  atomic: boolean,
): Promise<{ result: ExecuteResult; cleanup: Promise<void> }> {
  const then = atomic ? 'what this up changed is rolled back' : 'ncompose exits';
  return whileWatching(io, `running engine calls finish, then ${then} (again to abort at once)`, async (signal) => {
    const result = await applyPlan(s, plan, before, io, args, { ...options, signal, waitTimeout: args['wait-timeout'] });
    if (atomic) {
      const { cleanup } = await finishAtomicUp({ session: s, plan, before, result, io, args, signal, noStart: Boolean(options.noStart) });
      return { result, cleanup };
    }
    failUnlessDone(result, signal, 'up interrupted (--no-rollback: nothing was rolled back)');
    return { result, cleanup: Promise.resolve() };
  });
}

/** `up`'s builds and pulls, run before its containers are planned: they change no container, so nothing is rolled back. */
export async function applyImages(s: Pick<Session, 'engine' | 'project' | 'meta'>, plan: Plan, before: Snapshot, io: Io, args: FinishArgs, parallel?: number): Promise<void> {
  const images = { ...plan, actions: plan.actions.filter((a) => a.type === 'image') };
  await whileWatching(io, 'no container was changed yet', async (signal) => {
    const result = await applyPlan(s, images, before, io, args, { parallel, signal });
    failUnlessDone(result, signal, 'up interrupted while building or pulling images (no container was changed)');
  });
}

/** Runs `run` with Ctrl-C / SIGTERM turned into its abort signal; on the first one, `notice` says what happens next. */
async function whileWatching<T>(io: Io, notice: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const watch = watchInterrupts((sig) => io.err(`\n${sig}: stopping: ${notice}\n`));
  try {
    return await run(watch.signal);
  } finally {
    watch.dispose();
  }
}

/** Interrupted: exit 130 with `interrupted`; an action failed: exit 1. */
function failUnlessDone(result: ExecuteResult, signal: AbortSignal, interrupted: string): void {
  if (signal.aborted) throw new NcomposeError(interrupted, [], 130);
  failIfNot(result, 'up');
}
