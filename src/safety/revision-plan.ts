/**
 * Plan and apply a recorded revision: its model with images pinned (pin-images.ts), planned
 * against the engine as it is now, through the same plan → execute path as `up`. Services the
 * revision did not have are orphans and are removed.
 */
import type { Io } from '../cli/io.js';
import { NcomposeError } from '../diagnostics.js';
import type { Engine, Snapshot } from '../engine/engine.js';
import { observe } from '../engine/observe.js';
import type { Project, ProjectMeta } from '../model/project.js';
import { osEnvironment } from '../parser/environment.js';
import { plan as makePlan } from '../planner/plan.js';
import type { Plan } from '../planner/plan-types.js';
import { applyPlan, type ProgressArgs } from '../commands/engine/session.js';
import { waitForReady } from '../commands/engine/ready.js';
import { pinRevisionImages } from './pin-images.js';
import type { Revision } from './revision.js';

export interface RevisionPlan {
  revision: Revision;
  model: Project;
  meta: ProjectMeta;
  pinned: string[];
  snapshot: Snapshot;
  plan: Plan;
}

export interface ApplyRevisionArgs extends ProgressArgs {
  wait?: boolean;
  'wait-timeout'?: number;
  timeout?: number;
  parallel?: number;
}

export async function planRevision(engine: Engine, rev: Revision): Promise<RevisionPlan> {
  const pinned = await pinRevisionImages(engine, rev);
  if (pinned.missing.length) {
    const list = pinned.missing.map((m) => `${m.service} (${m.imageId})`).join(', ');
    throw new NcomposeError(`cannot return to revision ${rev.number}: its image is no longer on the engine for ${list}`);
  }
  const snapshot = await observe(engine, pinned.model);
  const plan = makePlan(pinned.model, snapshot, { removeOrphans: true });
  // A revision keeps no secret values: secrets and configs from `environment` read today's.
  const meta: ProjectMeta = { workingDir: rev.workingDir, configFiles: rev.configFiles, environment: osEnvironment(), disabledServices: {}, activeProfiles: [] };
  return { revision: rev, model: pinned.model, meta, pinned: pinned.pinned, snapshot, plan };
}

/** Applies a planned revision; with --wait, containers not ready count as a failure. true = all went well. */
export async function applyRevisionPlan(engine: Engine, rp: RevisionPlan, io: Io, args: ApplyRevisionArgs): Promise<boolean> {
  const session = { engine, project: rp.model, meta: rp.meta };
  const result = await applyPlan(session, rp.plan, rp.snapshot, io, args, { timeout: args.timeout, parallel: args.parallel });
  if (!result.ok) return false;
  if (!args.wait) return true;
  try {
    await waitForReady(session, rp.plan, result.containers, io, args);
    return true;
  } catch (e) {
    if (!(e instanceof NcomposeError)) throw e;
    io.err(`error: ${e.message}\n`);
    return false;
  }
}
