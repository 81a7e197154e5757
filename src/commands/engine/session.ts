/** What every engine command starts with: the loaded project, a connected engine, a snapshot. */
import type { GlobalArgs } from '../../cli/global-options.js';
import type { Io } from '../../cli/io.js';
import { NcomposeError } from '../../diagnostics.js';
import type { Engine, Snapshot } from '../../engine/engine.js';
import { observe } from '../../engine/observe.js';
import type { Project, ProjectMeta } from '../../model/project.js';
import type { Plan } from '../../planner/plan-types.js';
import type { ExecuteOptions } from '../../executor/context.js';
import { execute, type ExecuteResult } from '../../executor/execute.js';
import { createRenderer, type ProgressMode } from '../../executor/render-progress.js';
import { loadOrFail, type Loaded } from '../load-or-fail.js';

export const NCOMPOSE_VERSION = '0.1.0';

export interface Session {
  loaded: Loaded;
  project: Project;
  meta: ProjectMeta;
  engine: Engine;
}

export async function openSession(args: GlobalArgs, io: Io, services: string[] = []): Promise<Session> {
  const loaded = loadOrFail(args, io, services);
  const { connectEngine } = await import('../../engine/docker-engine.js');
  const engine = connectEngine(io.env);
  return { loaded, project: loaded.project, meta: loaded.meta, engine };
}

export function snapshotOf(s: Session): Promise<Snapshot> {
  return observe(s.engine, s.project);
}

export interface ProgressArgs {
  progress?: string;
  quiet?: boolean;
}

/** Apply a plan with progress on stderr; failures printed one line each; returns the result. */
export async function applyPlan(
  s: Pick<Session, 'engine' | 'project' | 'meta'>,
  plan: Plan,
  snapshot: Snapshot,
  io: Io,
  args: ProgressArgs,
  options: Omit<ExecuteOptions, 'version'>,
  title = 'Running',
): Promise<ExecuteResult> {
  const mode = (args.quiet ? 'quiet' : (args.progress ?? 'auto')) as ProgressMode;
  const renderer = createRenderer(mode, (t) => io.err(t), io.stderrIsTTY, title);
  const project = (plan.model as Project | undefined) ?? s.project;
  let result: ExecuteResult;
  try {
    result = await execute({
      engine: s.engine, plan, project, workingDir: s.meta.workingDir, configFiles: s.meta.configFiles, environment: s.meta.environment, includedValues: s.meta.includedValues, snapshot,
      options: { ...options, version: NCOMPOSE_VERSION }, onProgress: renderer.sink,
      onWarning: (w) => io.err(`warning: ${w}\n`),
    });
  } finally {
    renderer.done();
  }
  reportFailures(result, io);
  return result;
}

export function reportFailures(result: ExecuteResult, io: Io): void {
  const unreachable = result.failures.find((f) => f.unreachable);
  if (unreachable) {
    io.err(`error: ${unreachable.message}\n`);
    return;
  }
  for (const f of result.failures) io.err(`error: ${f.message}\n`);
  for (const s of result.skipped) io.err(`error: ${s.action.type} ${s.action.name} not ${verb(s.action.action)}: ${s.cause.service ? `service ${s.cause.service}` : s.cause.name} failed\n`);
}

function verb(action: string): string {
  return action === 'remove' ? 'removed' : action === 'noop' ? 'checked' : 'started';
}

/** Exit 1 with a summary when an execution failed; the details are already printed. */
export function failIfNot(result: ExecuteResult, what: string): void {
  if (result.ok) return;
  const n = result.failures.length;
  throw new NcomposeError(`${what} failed: ${n} action${n === 1 ? '' : 's'} failed${result.skipped.length ? `, ${result.skipped.length} skipped` : ''}`);
}

/** The project's containers (not one-off), replica order, optionally only some services. */
export async function projectContainers(s: Session, opts: { all: boolean; services?: string[] }) {
  const list = await s.engine.listContainers({ all: opts.all, labels: [`com.docker.compose.project=${s.project.name}`] });
  const wanted = opts.services?.length ? new Set(opts.services) : undefined;
  for (const svc of opts.services ?? []) {
    if (!s.project.services[svc]) throw new NcomposeError(`no such service: ${svc}`);
  }
  return list
    .filter((c) => (c.labels['com.docker.compose.oneoff'] ?? 'False') !== 'True')
    .filter((c) => !wanted || wanted.has(c.labels['com.docker.compose.service'] ?? ''))
    .sort((a, b) => a.name.localeCompare(b.name));
}
