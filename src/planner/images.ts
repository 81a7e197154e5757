/**
 * Images: build or pull what the services in scope need, by pull_policy / --pull / --build.
 * One action per image reference, shared by every service that runs it.
 */
import { imageRef } from './names.js';
import type { PlanContext, PullOption } from './options.js';
import type { PlanAction } from './plan-types.js';

/** Plans image actions; returns image ref → its pull or build action. */
export function planImages(ctx: PlanContext): Map<string, PlanAction> {
  const byRef = new Map<string, PlanAction>();
  if (ctx.opts.imagesDone) return byRef;
  for (const name of [...ctx.scope].sort()) {
    const svc = ctx.project.services[name];
    const ref = imageRef(ctx.project.name, name, svc);
    if (byRef.has(ref)) continue;
    const action = imageAction(ctx, name, ref);
    if (!action) continue;
    ctx.actions.push(action);
    byRef.set(ref, action);
  }
  return byRef;
}

function imageAction(ctx: PlanContext, service: string, ref: string): PlanAction | undefined {
  const svc = ctx.project.services[service];
  const present = ctx.snapshot.images[ref] !== undefined;
  const policy = normalizePolicy(ctx.opts.pull ?? svc.pull_policy);
  const base = { id: `image:${ref}`, type: 'image' as const, name: ref, service, changes: [], dependsOn: [] };
  if (svc.build && (ctx.opts.build || policy === 'build')) return { ...base, action: 'build', cause: 'build_requested', details: { ref, service } };
  if (svc.build && !present) return { ...base, action: 'build', cause: 'missing', details: { ref, service } };
  if (policy === 'always') return { ...base, action: 'pull', cause: 'pull_policy', details: { ref, policy, platform: svc.platform } };
  if (present) return undefined;
  if (policy === 'never') {
    if (!ctx.opts.offline) ctx.warnings.push(`image ${ref} of service ${service} is not present and pull_policy is never`);
    return undefined;
  }
  return { ...base, action: 'pull', cause: 'missing', details: { ref, policy, platform: svc.platform } };
}

/** daily / weekly / every_<d> behave as `missing` when the image is absent; `if_not_present` is `missing`. */
function normalizePolicy(p: string | undefined): PullOption {
  if (p === 'always' || p === 'never' || p === 'build') return p;
  return 'missing';
}
