/**
 * Apply a plan: expand its actions into walk steps, walk the DAG concurrently, report per action.
 * No decisions here: the plan says what to do, the steps say how.
 */
import type { Engine, Snapshot } from '../engine/engine.js';
import type { IncludedValues, Project } from '../model/project.js';
import type { Plan, PlanAction } from '../planner/plan-types.js';
import { createPhase, keepContainer, removeContainer, startPhase, stopContainer } from './container-steps.js';
import type { ExecContext, ExecuteOptions } from './context.js';
import { describeFailure } from './failure.js';
import { createProgress, type ProgressSink } from './progress.js';
import { ContainerRegistry } from './registry.js';
import { runImageAction, runNetworkAction, runVolumeAction } from './resource-steps.js';
import { expandSteps, type Step } from './steps.js';
import { walk } from './walk.js';

export interface ExecuteInput {
  engine: Engine;
  plan: Plan;
  project: Project;
  workingDir: string;
  configFiles: string[];
  environment: Record<string, string>;
  includedValues?: IncludedValues;
  snapshot: Snapshot;
  options: ExecuteOptions;
  onProgress: ProgressSink;
  onWarning: (message: string) => void;
}

export interface ActionFailure {
  action: PlanAction;
  message: string;
  /** The engine could not be reached: every later failure is a consequence. */
  unreachable: boolean;
}

export interface ExecuteResult {
  ok: boolean;
  failures: ActionFailure[];
  skipped: { action: PlanAction; cause: PlanAction }[];
  /** Container ids by plan action id, for containers created, started or kept. */
  containers: Map<string, string>;
  /** The signal aborted the walk: these actions never started. */
  cancelled: PlanAction[];
}

export async function execute(input: ExecuteInput): Promise<ExecuteResult> {
  const actions = new Map(input.plan.actions.map((a) => [a.id, a]));
  const progress = createProgress(input.onProgress);
  const ctx: ExecContext = {
    engine: input.engine, project: input.project, workingDir: input.workingDir, configFiles: input.configFiles, environment: input.environment, includedValues: input.includedValues,
    snapshot: input.snapshot, options: input.options, registry: new ContainerRegistry(input.snapshot), actions,
    progress, warn: input.onWarning, waits: new Map(),
  };
  for (const a of input.plan.actions) if (a.type === 'container' && a.existingId && a.action !== 'remove') ctx.registry.byAction.set(a.id, a.existingId);
  const steps = expandSteps(input.plan.actions.filter((a) => a.action !== 'noop' || a.type === 'container'), input.project);
  const byStep = new Map(steps.map((s) => [s.id, s]));
  const result = await walk(steps, (id) => runStep(ctx, byStep.get(id)!), { parallel: input.options.parallel, signal: input.options.signal });
  const failures: ActionFailure[] = [];
  for (const [stepId, err] of result.failed) {
    const action = byStep.get(stepId)!.action;
    const f = describeFailure(action, err);
    failures.push({ action, ...f });
    progress({ resource: `${action.type} ${action.name}`, service: action.service, status: 'Error', message: f.message });
  }
  const failedActions = new Set(failures.map((f) => f.action.id));
  // A later step of an action that already failed is not news: its Error line says it all.
  const skipped = [...result.skipped]
    .map(([stepId, cause]) => ({ action: byStep.get(stepId)!.action, cause: byStep.get(cause)!.action }))
    .filter((s) => !failedActions.has(s.action.id));
  for (const s of dedupe(skipped)) {
    progress({ resource: `${s.action.type} ${s.action.name}`, service: s.action.service, status: 'Skipped', message: `because ${s.cause.service ? `service ${s.cause.service}` : s.cause.name} failed` });
  }
  const cancelled = dedupe(result.cancelled.map((id) => ({ action: byStep.get(id)!.action }))).map((c) => c.action);
  const ok = failures.length === 0 && skipped.length === 0 && cancelled.length === 0;
  return { ok, failures, skipped: dedupe(skipped), containers: ctx.registry.byAction, cancelled };
}

function dedupe<T extends { action: PlanAction }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(x.action.id) && seen.add(x.action.id));
}

async function runStep(ctx: ExecContext, step: Step): Promise<void> {
  const a = step.action;
  if (a.type === 'network') return runNetworkAction(ctx, a);
  if (a.type === 'volume') return runVolumeAction(ctx, a);
  if (a.type === 'image') return runImageAction(ctx, a);
  if (step.phase === 'create') return createPhase(ctx, a);
  switch (a.action) {
    case 'create':
    case 'recreate':
    case 'start':
      return startPhase(ctx, a);
    case 'noop':
      return keepContainer(ctx, a);
    case 'remove':
      return removeContainer(ctx, a);
    case 'stop':
      return stopContainer(ctx, a);
    default:
      return;
  }
}
