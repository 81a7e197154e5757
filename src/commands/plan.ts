/** `ncompose plan`: observe the engine (or not, --offline), plan, render; nothing is changed. */
import { writeFileSync } from 'node:fs';
import type { GlobalArgs } from '../cli/global-options.js';
import { useColor, type Io } from '../cli/io.js';
import type { Snapshot } from '../engine/engine.js';
import { emptySnapshot, observe } from '../engine/observe.js';
import type { Project } from '../model/project.js';
import { hasChanges, plan } from '../planner/plan.js';
import type { PlanOptions } from '../planner/options.js';
import { renderPlanHuman } from '../planner/render-human.js';
import { renderPlanJson, serializePlan } from '../planner/render-json.js';
import { loadOrFail } from './load-or-fail.js';
import { upOptionsFrom } from './up-options.js';

interface PlanArgs extends GlobalArgs {
  services?: string[];
  format?: 'text' | 'json';
  output?: string;
  'detailed-exitcode'?: boolean;
  offline?: boolean;
  'show-unchanged'?: boolean;
}

export async function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as PlanArgs;
  const services = args.services ?? [];
  const loaded = loadOrFail(args, io, services);
  const opts: PlanOptions = {
    ...upOptionsFrom(rawArgs),
    services,
    offline: Boolean(args.offline),
    disabledServices: Object.keys(loaded.meta.disabledServices ?? {}),
    locate: (path) => loaded.sources.locate(path),
  };
  const snapshot = await snapshotFor(loaded.project, io, Boolean(args.offline));
  const p = plan(loaded.project, snapshot, opts);
  for (const w of p.warnings ?? []) io.err(`warning: ${w}\n`);
  if (args.output) writeFileSync(args.output, serializePlan(p));
  io.out(args.format === 'json' ? renderPlanJson(p) : renderPlanHuman(p, { color: useColor(io), showNoop: args['show-unchanged'] }));
  return args['detailed-exitcode'] && hasChanges(p) ? 2 : 0;
}

export async function snapshotFor(project: Project, io: Io, offline: boolean): Promise<Snapshot> {
  if (offline) return emptySnapshot(project.name);
  const { connectEngine } = await import('../engine/docker-engine.js');
  return observe(connectEngine(io.env), project);
}
