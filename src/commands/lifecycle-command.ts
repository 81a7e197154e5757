/** Shared body of start / stop / restart / rm: select containers, plan, apply. */
import type { GlobalArgs } from '../cli/global-options.js';
import type { Io } from '../cli/io.js';
import type { ContainerSummary } from '../engine/engine.js';
import { lifecyclePlan } from './engine/lifecycle.js';
import { applyPlan, failIfNot, openSession, projectContainers, snapshotOf, type ProgressArgs } from './engine/session.js';

export interface LifecycleArgs extends GlobalArgs, ProgressArgs {
  services?: string[];
  timeout?: number;
  volumes?: boolean;
  force?: boolean;
  stop?: boolean;
}

export async function runLifecycle(
  rawArgs: Record<string, unknown>,
  io: Io,
  name: string,
  kinds: ('start' | 'stop' | 'remove')[],
  select: (c: ContainerSummary) => boolean,
  title: string,
  /** Asked with the selected containers' names before anything changes; false changes nothing. */
  proceed?: (names: string[]) => Promise<boolean>,
): Promise<number> {
  const args = rawArgs as LifecycleArgs;
  const s = await openSession(args, io);
  const containers = (await projectContainers(s, { all: true, services: args.services })).filter(select);
  if (!containers.length) {
    if (name === 'rm') io.err('No stopped containers\n');
    return 0;
  }
  if (proceed && !(await proceed(containers.map((c) => c.name)))) return 0;
  const snapshot = await snapshotOf(s);
  const plan = lifecyclePlan(s.project, containers, kinds);
  const result = await applyPlan(s, plan, snapshot, io, args, { timeout: args.timeout, removeVolumes: Boolean(args.volumes) }, title);
  failIfNot(result, name);
  return 0;
}

export const isRunning = (c: ContainerSummary) => c.state === 'running' || c.state === 'restarting' || c.state === 'paused';
