/**
 * `ncompose up`: load → observe → plan → execute; then `--wait`, or (without -d) attach to the
 * logs until Ctrl-C, which stops the containers. `--plan FILE` applies a saved plan instead,
 * refusing it if the engine changed since it was made.
 */
import { readFileSync } from 'node:fs';
import type { GlobalArgs } from '../cli/global-options.js';
import type { Io } from '../cli/io.js';
import { NcomposeError } from '../diagnostics.js';
import type { Snapshot } from '../engine/engine.js';
import { fingerprintSnapshot } from '../engine/observe.js';
import type { Plan } from '../planner/plan-types.js';
import { hasChanges, plan as makePlan } from '../planner/plan.js';
import { parsePlan } from '../planner/render-json.js';
import { upOptionsFrom } from './up-options.js';
import { openSession, snapshotOf, type ProgressArgs, type Session } from './engine/session.js';
import { waitForReady } from './engine/ready.js';
import type { Project } from '../model/project.js';
import { recordUpRevision } from '../safety/record-revision.js';
import { commandLine, withProjectLock, type LockArgs } from '../safety/with-lock.js';
import { applyImages, applyUp } from '../safety/apply-up.js';
import { lockHolder } from '../safety/lock.js';
import { isHolderDead } from '../safety/lock-holder.js';
import { keepBackups } from '../planner/backups.js';
import type { UpdateStrategy } from '../planner/strategy.js';

export interface UpArgs extends GlobalArgs, ProgressArgs, LockArgs {
  services?: string[];
  detach?: boolean;
  wait?: boolean;
  'wait-timeout'?: number;
  'no-start'?: boolean;
  start?: boolean;
  timeout?: number;
  parallel?: number;
  'renew-anon-volumes'?: boolean;
  'abort-on-container-exit'?: boolean;
  'exit-code-from'?: string;
  attach?: string[];
  'log-prefix'?: boolean;
  plan?: string;
  /** false with --no-rollback. */
  rollback?: boolean;
  strategy?: UpdateStrategy;
}

export async function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as UpArgs;
  const services = args.services ?? [];
  const s = await openSession(args, io, services);
  const noStart = args['no-start'] === true || args.start === false;
  // A converged project needs no lock, no engine change and no revision: plan first, lock only to change.
  const converged = args.plan ? undefined : await convergedPlan(s, rawArgs, services);
  if (converged) {
    for (const w of converged.warnings ?? []) io.err(`warning: ${w}\n`);
    if (args.wait && !noStart) await waitForReady(s, converged, new Map(), io, args);
    if (noStart || args.detach || args.wait) return 0;
    return attachForeground(s, converged, io, args);
  }
  // Under the project lock: observe → plan → apply → wait → record a revision; attaching is not a mutation.
  const plan = await withProjectLock(s.engine, s.project.name, io, args, async () => {
    let snapshot = await snapshotOf(s);
    const atomic = args.rollback !== false;
    let plan = args.plan ? savedPlan(args.plan, snapshot) : freshPlan(s, snapshot, rawArgs, services);
    if (!args.plan && plan.actions.some((a) => a.type === 'image')) {
      // Build and pull first, as compose does: an image that changed then recreates its containers in this up.
      await applyImages(s, plan, snapshot, io, args, args.parallel);
      snapshot = await snapshotOf(s);
      plan = freshPlan(s, snapshot, rawArgs, services, true);
    }
    if (atomic && args.plan) keepBackups(plan.actions);
    for (const w of plan.warnings ?? []) io.err(`warning: ${w}\n`);
    const { result, cleanup } = await applyUp(s, plan, snapshot, io, args, {
      parallel: args.parallel, noStart, timeout: args.timeout, renewAnonVolumes: args['renew-anon-volumes'],
    }, atomic);
    // The backups of a verified atomic up are removed meanwhile (cleanup), still under the lock.
    try {
      if (args.wait && !noStart) await waitForReady(s, plan, result.containers, io, args);
      await recordUpRevision(s.engine, (plan.model as Project | undefined) ?? s.project, s.meta, plan, io, commandLine());
    } finally {
      await cleanup;
    }
    return plan;
  });
  if (noStart || args.detach || args.wait) return 0;
  return attachForeground(s, plan, io, args);
}

/**
 * The plan when it changes nothing; another `up` may be mid-change, so any change re-plans under the lock.
 * A lock left by a killed `up` sends it to the locked path too, which takes that lock over and releases it.
 */
async function convergedPlan(s: Session, rawArgs: Record<string, unknown>, services: string[]): Promise<Plan | undefined> {
  const [snapshot, holder] = await Promise.all([snapshotOf(s), lockHolder(s.engine, s.project.name)]);
  if (holder && isHolderDead(holder)) return undefined;
  const plan = freshPlan(s, snapshot, rawArgs, services);
  return hasChanges(plan) ? undefined : plan;
}

/** Foreground only: the log printer (and chalk) load when logs are attached, not for `up -d`. */
async function attachForeground(s: Session, plan: Plan, io: Io, args: UpArgs): Promise<number> {
  const attach = await import('./engine/attach.js');
  return attach.attachForeground(s, plan, io, args);
}

function freshPlan(s: Session, snapshot: Snapshot, rawArgs: Record<string, unknown>, services: string[], imagesDone = false): Plan {
  return makePlan(s.project, snapshot, {
    ...upOptionsFrom(rawArgs),
    imagesDone,
    atomic: rawArgs.rollback !== false,
    strategy: rawArgs.strategy as UpdateStrategy | undefined,
    services,
    disabledServices: Object.keys(s.meta.disabledServices ?? {}),
    locate: (path) => s.loaded.sources.locate(path),
  });
}

/** A saved plan applies only to the engine state it was computed against. */
function savedPlan(file: string, snapshot: Snapshot): Plan {
  let plan: Plan;
  try {
    plan = parsePlan(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new NcomposeError(`cannot read plan ${file}: ${(e as Error).message}`);
  }
  if (plan.command !== 'up') throw new NcomposeError(`plan ${file} is a ${plan.command} plan, not an up plan`);
  if (plan.project !== snapshot.project) throw new NcomposeError(`plan ${file} is for project ${plan.project}, not ${snapshot.project}`);
  const now = fingerprintSnapshot(snapshot);
  if (plan.fingerprint !== now) {
    throw new NcomposeError(`plan ${file} is stale: the engine state changed since it was made (run \`ncompose plan -o ${file}\` again)`);
  }
  return plan;
}
