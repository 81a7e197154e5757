/** Before a container starts: every depends_on condition of its `waitFor`, on every replica. */
import type { PlanAction } from '../planner/plan-types.js';
import type { ExecContext } from './context.js';
import { ConditionError, waitForCondition } from './wait-conditions.js';

export async function waitForDependencies(ctx: ExecContext, a: PlanAction): Promise<void> {
  const waits = a.waitFor ?? [];
  if (!waits.length) return;
  await Promise.all(
    waits.map(async (w) => {
      const id = ctx.registry.byAction.get(w.action) ?? ctx.registry.containersOf(w.service)[0];
      if (!id) {
        if (!w.required) return ctx.warn(`service ${a.service}: optional dependency ${w.service} is not running`);
        throw new ConditionError(`dependency ${w.service} has no container`);
      }
      try {
        await sharedWait(ctx, id, w.service, w.condition);
      } catch (e) {
        if (!w.required) return ctx.warn(`service ${a.service}: optional dependency ${w.service}: ${(e as Error).message}`);
        throw e;
      }
    }),
  );
}

function sharedWait(ctx: ExecContext, id: string, service: string, condition: NonNullable<PlanAction['waitFor']>[number]['condition']): Promise<void> {
  const key = `${id}|${condition}`;
  let p = ctx.waits.get(key);
  if (!p) {
    const resource = `container ${ctx.registry.nameOf(id) ?? id.slice(0, 12)}`;
    const health = ctx.project.services[service]?.healthcheck;
    if (condition !== 'service_started') ctx.progress({ resource, service, status: 'Waiting' });
    p = waitForCondition(ctx.engine, id, service, condition, health, ctx.options.signal).then(() => {
      if (condition === 'service_healthy') ctx.progress({ resource, service, status: 'Healthy' });
      if (condition === 'service_completed_successfully') ctx.progress({ resource, service, status: 'Exited' });
    });
    ctx.waits.set(key, p);
  }
  return p;
}
