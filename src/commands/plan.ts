/** `ncompose plan`: observe the engine (or not, --offline), plan, render; nothing is changed. */
import { writeFileSync } from 'node:fs';
import type { GlobalArgs } from '../cli/global-options.js';
import { useColor, type Io } from '../cli/io.js';
import { NcomposeError } from '../diagnostics.js';
import type { Snapshot } from '../engine/engine.js';
import { emptySnapshot, observe } from '../engine/observe.js';
import type { Project } from '../model/project.js';
import { hasChanges, plan } from '../planner/plan.js';
import type { PlanOptions, PullOption } from '../planner/options.js';
import type { UpdateStrategy } from '../planner/strategy.js';
import { renderPlanHuman } from '../planner/render-human.js';
import { renderPlanJson, serializePlan } from '../planner/render-json.js';
import { loadOrFail } from './load-or-fail.js';

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
  return observe(await connectEngine(io.env), project);
}

/** The flags `plan` shares with `up`, as planner options. yargs reads `--no-x` as `x: false`. */
export function upOptionsFrom(a: Record<string, unknown>): PlanOptions {
  const noRecreate = a['no-recreate'] === true || a['recreate'] === false;
  if (noRecreate && a['force-recreate']) throw new NcomposeError('--force-recreate and --no-recreate cannot be used together', [], 2);
  return {
    forceRecreate: Boolean(a['force-recreate']),
    noRecreate,
    noDeps: a['no-deps'] === true || a['deps'] === false,
    removeOrphans: Boolean(a['remove-orphans']),
    scale: parseScale((a.scale as string[] | undefined) ?? []),
    pull: a.pull as PullOption | undefined,
    build: Boolean(a.build),
    ...(a.strategy ? { strategy: a.strategy as UpdateStrategy } : {}),
  };
}

export function parseScale(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) {
    const m = /^([^=]+)=(\d+)$/.exec(v);
    if (!m) throw new NcomposeError(`--scale ${v}: expected SERVICE=N`, [], 2);
    out[m[1]] = Number(m[2]);
  }
  return out;
}
