/** `up --wait`: report each container as it becomes ready; fail naming the services that did not. */
import type { Io } from '../../cli/io.js';
import { NcomposeError } from '../../diagnostics.js';
import { waitReady, type ReadyTarget } from '../../executor/wait-ready.js';
import { createRenderer, type ProgressMode } from '../../executor/render-progress.js';
import type { Plan } from '../../planner/plan-types.js';
import type { ProgressArgs, Session } from './session.js';

export async function waitForReady(s: Pick<Session, 'engine' | 'project'>, plan: Plan, containers: Map<string, string>, io: Io, args: ProgressArgs & { 'wait-timeout'?: number }): Promise<void> {
  const targets: ReadyTarget[] = [];
  for (const a of plan.actions) {
    if (a.type !== 'container' || a.action === 'remove' || !a.service) continue;
    const id = containers.get(a.id) ?? a.existingId;
    if (id) targets.push({ id, name: a.name, service: a.service });
  }
  const mode = (args.quiet ? 'quiet' : (args.progress ?? 'auto')) as ProgressMode;
  const renderer = createRenderer(mode, (t) => io.err(t), io.stderrIsTTY, 'Waiting');
  const t0 = Date.now();
  let errors: string[];
  try {
    errors = await waitReady(s.engine, s.project, targets, args['wait-timeout'], (t, status) =>
      renderer.sink({ resource: `container ${t.name}`, service: t.service, status, elapsed: Date.now() - t0, duration: (Date.now() - t0) / 1000 }),
    );
  } finally {
    renderer.done();
  }
  for (const e of errors) io.err(`error: ${e}\n`);
  if (errors.length) throw new NcomposeError(`up --wait failed: ${errors.length} container${errors.length === 1 ? '' : 's'} not ready`);
}
