/**
 * `ncompose rollback [--to N] [--yes] [--dry-run]`: return the project to a recorded revision
 * (default: the one before the current), with the image ids it ran. Shows the plan, asks on a
 * TTY, applies it under the project lock; if that fails, re-applies the revision it started from.
 */
import { confirm } from '../cli/confirm.js';
import type { GlobalArgs } from '../cli/global-options.js';
import { useColor, type Io } from '../cli/io.js';
import { NcomposeError } from '../diagnostics.js';
import { hasChanges } from '../planner/plan.js';
import { renderPlanHuman } from '../planner/render-human.js';
import { renderPlanJson } from '../planner/render-json.js';
import { openProjectTarget, type ProjectTarget } from '../safety/project-target.js';
import { openRevisionStore, recordRevision } from '../safety/record-revision.js';
import { applyRevisionPlan, planRevision, type ApplyRevisionArgs, type RevisionPlan } from '../safety/revision-plan.js';
import type { Revision } from '../safety/revision.js';
import type { RevisionStore } from '../safety/revision-store.js';
import { commandLine, withProjectLock, type LockArgs } from '../safety/with-lock.js';

interface RollbackArgs extends GlobalArgs, LockArgs, ApplyRevisionArgs {
  to?: number;
  yes?: boolean;
  'dry-run'?: boolean;
  format?: 'text' | 'json';
}

export async function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as RollbackArgs;
  if (args.to !== undefined && (!Number.isInteger(args.to) || args.to < 1)) throw new NcomposeError(`--to ${args.to}: expected a revision number`, [], 2);
  const target = await openProjectTarget(args, io);
  const store = openRevisionStore(target.engine, target.name, io.env, (m) => io.err(`warning: ${m}\n`));
  if (args['dry-run']) {
    showPlan(await prepare(target, store, args.to), io, args);
    return 0;
  }
  return withProjectLock(target.engine, target.name, io, args, async () => {
    const { current, rp } = await prepare(target, store, args.to);
    showPlan({ current, rp }, io, args);
    if (!hasChanges(rp.plan)) {
      io.err(`project ${target.name} already runs revision ${rp.revision.number}: nothing to do\n`);
      return 0;
    }
    if (!(await confirmed(args, io, rp.revision.number))) return 1;
    return apply(target, store, current, rp, io, args);
  });
}

async function prepare(target: ProjectTarget, store: RevisionStore, to: number | undefined): Promise<{ current: Revision; rp: RevisionPlan }> {
  const revisions = await store.list();
  const current = revisions[revisions.length - 1];
  if (!current) throw new NcomposeError(`project ${target.name} has no recorded revisions: nothing to roll back to`);
  const rev = to === undefined ? revisions[revisions.length - 2] : revisions.find((r) => r.number === to);
  if (!rev) {
    const known = revisions.map((r) => r.number).join(', ');
    throw new NcomposeError(to === undefined ? `project ${target.name} has only revision ${current.number}: nothing to roll back to` : `no revision ${to} of project ${target.name} (known: ${known})`);
  }
  return { current, rp: await planRevision(target.engine, rev) };
}

function showPlan({ current, rp }: { current: Revision; rp: RevisionPlan }, io: Io, args: RollbackArgs): void {
  if (args.format === 'json') {
    io.out(renderPlanJson(rp.plan));
    return;
  }
  const r = rp.revision;
  io.out(`Rollback of project ${r.project}: revision ${current.number} (current) → revision ${r.number} (${r.time}, \`${r.command}\`)\n`);
  for (const svc of rp.pinned) io.out(`  ${svc}: image pinned to ${r.images[svc]} (what revision ${r.number} ran)\n`);
  io.out('\n' + renderPlanHuman(rp.plan, { color: useColor(io) }));
}

/** --yes, else a y/N question on a TTY; without a TTY there is nobody to ask: refuse. */
async function confirmed(args: RollbackArgs, io: Io, n: number): Promise<boolean> {
  if (args.yes) return true;
  const refusal = 'rollback needs confirmation: stdin is not a terminal, pass --yes to apply (or --dry-run to only show the plan)';
  if (await confirm(`Roll back to revision ${n}?`, refusal)) return true;
  io.err('rollback cancelled\n');
  return false;
}

async function apply(target: ProjectTarget, store: RevisionStore, current: Revision, rp: RevisionPlan, io: Io, args: RollbackArgs): Promise<number> {
  const n = rp.revision.number;
  if (await applyRevisionPlan(target.engine, rp, io, args)) {
    const rec = await recordRevision(target.engine, store, { model: rp.model, meta: rp.meta, plan: rp.plan, command: commandLine(), kind: 'rollback', rollbackTo: n });
    io.err(`rolled back project ${target.name} to revision ${n}${rec ? ` (recorded as revision ${rec.number})` : ''}\n`);
    return 0;
  }
  io.err(`rollback to revision ${n} failed: restoring revision ${current.number}\n`);
  const restored = await planRevision(target.engine, current)
    .then((back) => applyRevisionPlan(target.engine, back, io, args))
    .catch((e: Error) => (io.err(`error: ${e.message}\n`), false));
  if (restored) throw new NcomposeError(`rollback to revision ${n} failed; restored revision ${current.number}`);
  throw new NcomposeError(`rollback to revision ${n} failed, and restoring revision ${current.number} failed too: run \`ncompose rollback --to ${current.number}\``);
}
