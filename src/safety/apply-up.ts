/**
 * `up`'s apply step with the safety of issue 6: Ctrl-C / SIGTERM watched while the plan runs,
 * then the atomic finish (verify → commit, or restore). `--no-rollback` keeps the plain path:
 * a failure stays as it is, an interruption exits 130 without restoring anything. `cleanup` is the
 * commit (removing backups) still running: the caller awaits it after its own last steps.
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
  const watch = watchInterrupts((sig) =>
    io.err(`\n${sig}: stopping: running engine calls finish, then ${atomic ? 'what this up changed is rolled back' : 'ncompose exits'} (again to abort at once)\n`),
  );
  try {
    const result = await applyPlan(s, plan, before, io, args, { ...options, signal: watch.signal, waitTimeout: args['wait-timeout'] });
    if (atomic) {
      const { cleanup } = await finishAtomicUp({ session: s, plan, before, result, io, args, signal: watch.signal, noStart: Boolean(options.noStart) });
      return { result, cleanup };
    }
    if (watch.signal.aborted) throw new NcomposeError('up interrupted (--no-rollback: nothing was rolled back)', [], 130);
    failIfNot(result, 'up');
    return { result, cleanup: Promise.resolve() };
  } finally {
    watch.dispose();
  }
}
