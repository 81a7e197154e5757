/**
 * The end of an atomic `up` (docs/safe-deploys.md). The forward plan kept every replaced or
 * removed container as a stopped backup; now verify what it started (running, and healthy when
 * it has a healthcheck or --wait is given). All well: the commit plan removes the backups.
 * Otherwise the restore plan — computed from the snapshot taken before the `up` and one taken
 * now — removes what the `up` made and gives the backups back their names and state.
 */
import type { Io } from '../cli/io.js';
import { NcomposeError } from '../diagnostics.js';
import type { Snapshot } from '../engine/engine.js';
import { observe } from '../engine/observe.js';
import type { ExecuteResult } from '../executor/execute.js';
import { formatLogLines, lastLogLines } from '../executor/last-logs.js';
import { healthTiming } from '../executor/wait-conditions.js';
import { waitReady, type ReadyTarget } from '../executor/wait-ready.js';
import { LABELS } from '../planner/names.js';
import type { Plan } from '../planner/plan-types.js';
import { planCommit, planDiscard, planRestore } from '../planner/restore.js';
import type { RollingDetails } from '../planner/strategy.js';
import { applyPlan, type ProgressArgs, type Session } from '../commands/engine/session.js';
import { openRevisionStore } from './record-revision.js';

export interface FinishArgs extends ProgressArgs {
  wait?: boolean;
  /** Foreground runs that expect containers to exit: an exit is not a failed deploy. */
  'abort-on-container-exit'?: boolean;
  'exit-code-from'?: string;
  'wait-timeout'?: number;
  timeout?: number;
}

export interface FinishInput {
  session: Pick<Session, 'engine' | 'project' | 'meta'>;
  plan: Plan;
  before: Snapshot;
  result: ExecuteResult;
  io: Io;
  args: FinishArgs;
  signal: AbortSignal;
  noStart: boolean;
}

interface Failure {
  text: string;
  /** Only rolling services with failure_action pause/continue failed: keep what succeeded. */
  soft: boolean;
  interrupted: boolean;
}

/**
 * Resolves once the `up` is verified, with the commit (backup removal) still running as `cleanup`;
 * throws (exit 1, or 130 when interrupted) after a rollback.
 */
export async function finishAtomicUp(input: FinishInput): Promise<{ cleanup: Promise<void> }> {
  const failure = await findFailure(input);
  if (!failure) {
    const cleanup = commit(input, new Set()).catch((e: Error) => input.io.err(`warning: could not remove replaced containers (${e.message}); the next up removes them\n`));
    return { cleanup };
  }
  if (failure.soft) {
    await commit(input, incompleteActions(input.result));
    await discardUnstarted(input);
    throw new NcomposeError(`up failed, not rolled back (failure_action of the rolling update): ${failure.text}`);
  }
  await restore(input, failure);
  return { cleanup: Promise.resolve() };
}

async function findFailure(input: FinishInput): Promise<Failure | undefined> {
  const { result, signal } = input;
  if (signal.aborted) return { text: 'interrupted', soft: false, interrupted: true };
  if (!result.ok) {
    const f = result.failures.find((x) => !x.unreachable) ?? result.failures[0];
    if (!f) return { text: `${result.skipped.length} actions skipped`, soft: false, interrupted: false };
    const soft = result.failures.every((x) => ['pause', 'continue'].includes((x.action.details?.rolling as RollingDetails | undefined)?.failureAction ?? ''));
    const id = result.containers.get(f.action.id);
    const logs = id && f.action.type === 'container' && !f.action.details?.rolling ? formatLogLines(f.action.name, await lastLogLines(input.session.engine, id)) : '';
    return { text: f.message + logs, soft, interrupted: false };
  }
  if (input.noStart) return undefined;
  const text = await verify(input);
  return text === undefined ? undefined : { text, soft: false, interrupted: signal.aborted };
}

/**
 * Containers this `up` started (all of them with --wait), each checked until ready or failed. One
 * list call settles the common case (running, no health status or healthy); only the rest are polled.
 */
async function verify(input: FinishInput): Promise<string | undefined> {
  const { session, args, signal } = input;
  const targets = verifyTargets(input);
  if (!targets.length) return undefined;
  const listed = await session.engine.listContainers({ all: true, labels: [`${LABELS.project}=${session.project.name}`] });
  const byId = new Map(listed.map((c) => [c.id, c]));
  const settled = (t: ReadyTarget) => {
    const c = byId.get(t.id);
    return !args.wait && c?.state === 'running' && (c.health === undefined || c.health === 'none' || c.health === 'healthy');
  };
  const polled = targets.filter((t) => !settled(t));
  const timeout = args['wait-timeout'] ?? Math.ceil(Math.max(0, ...polled.map((t) => healthTiming(session.project.services[t.service]?.healthcheck).deadlineMs)) / 1000);
  const aborted = new Promise<string>((res) => (signal.aborted ? res('interrupted') : signal.addEventListener('abort', () => res('interrupted'), { once: true })));
  const exitsExpected = Boolean(args['abort-on-container-exit'] || args['exit-code-from']);
  const checks = polled.map(async (t) => {
    const [err] = await waitReady(session.engine, session.project, [t], timeout, undefined, signal);
    // A job that finished with 0 did what it should; only --wait asks every container to keep running.
    if (!err || (!args.wait && / exited with code 0$/.test(err)) || (exitsExpected && / exited with code -?\d+$/.test(err))) return undefined;
    return err + formatLogLines(t.name, await lastLogLines(session.engine, t.id));
  });
  const first = Promise.all(checks).then((errs) => errs.find((e) => e !== undefined));
  return Promise.race([first, aborted]);
}

function verifyTargets({ plan, result, args }: FinishInput): ReadyTarget[] {
  const targets: ReadyTarget[] = [];
  for (const a of plan.actions) {
    if (a.type !== 'container' || !a.service || a.action === 'remove' || a.action === 'stop') continue;
    if (a.action === 'noop' && !args.wait) continue;
    const id = result.containers.get(a.id) ?? a.existingId;
    if (id) targets.push({ id, name: a.name, service: a.service });
  }
  return targets;
}

function incompleteActions(result: ExecuteResult): Set<string> {
  return new Set([...result.failures.map((f) => f.action.id), ...result.skipped.map((s) => s.action.id), ...result.cancelled.map((a) => a.id)]);
}

async function commit(input: FinishInput, incomplete: Set<string>): Promise<void> {
  const plan = planCommit(input.plan, incomplete);
  if (!plan.actions.length) return;
  const res = await applyPlan(input.session, plan, input.before, input.io, { quiet: true }, { timeout: 0 });
  if (!res.ok) input.io.err(`warning: some replaced containers could not be removed; the next up removes them\n`);
}

async function discardUnstarted(input: FinishInput): Promise<void> {
  const plan = planDiscard(input.before, await observe(input.session.engine, input.session.project));
  if (plan.actions.length) await applyPlan(input.session, plan, input.before, input.io, { quiet: true }, { timeout: 0, removeVolumes: true });
}

async function restore(input: FinishInput, failure: Failure): Promise<never> {
  const { session, io, args } = input;
  const code = failure.interrupted ? 130 : 1;
  io.err(`rolling back project ${session.project.name}: ${failure.text.split('\n')[0]}\n`);
  const now = await observe(session.engine, session.project);
  const { plan, lost } = planRestore(input.before, now);
  const res = await applyPlan(session, plan, now, io, args, { timeout: args.timeout, removeVolumes: true }, 'Rolling back');
  for (const name of lost) io.err(`warning: container ${name} was removed by this up and cannot be restored\n`);
  const to = await revisionLabel(input);
  if (!res.ok) throw new NcomposeError(`up failed and the rollback to ${to} did not complete (run \`ncompose up\` again to converge): ${failure.text}`, [], code);
  throw new NcomposeError(`rolled back to ${to}: ${failure.text}`, [], code);
}

async function revisionLabel(input: FinishInput): Promise<string> {
  try {
    const store = openRevisionStore(input.session.engine, input.session.project.name, input.io.env, () => {});
    const latest = (await store.list()).at(-1);
    if (latest) return `revision ${latest.number}`;
  } catch {
    // the message still says what happened
  }
  return 'the state before this up (no revision recorded yet)';
}
