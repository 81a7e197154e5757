/** After a successful `up` / `rollback`: record what now runs as the project's next revision. */
import type { Engine } from '../engine/engine.js';
import type { Project, ProjectMeta } from '../model/project.js';
import { LABELS, containerNumber, imageRef, isOneOff } from '../planner/names.js';
import type { Plan } from '../planner/plan-types.js';
import { isBackupName } from '../planner/backups.js';
import { KEEP_REVISIONS, REVISION_FORMAT, revisionDigest, revisionsToPrune, type Revision } from './revision.js';
import { combinedRevisionStore, engineRevisionStore, localRevisionStore, localStateDir, type RevisionEngine, type RevisionStore } from './revision-store.js';

/** What recording reads: the project's containers and image ids. */
export type RecordEngine = Pick<Engine, 'listContainers' | 'inspectImage'>;

export function openRevisionStore(engine: RevisionEngine, project: string, env: Record<string, string | undefined>, warn: (m: string) => void): RevisionStore {
  return combinedRevisionStore(engineRevisionStore(engine, project), localRevisionStore(localStateDir(env, project), project), warn);
}

export interface RecordRequest {
  model: Project;
  meta: Pick<ProjectMeta, 'workingDir' | 'configFiles'>;
  plan: Plan;
  command: string;
  kind: Revision['kind'];
  rollbackTo?: number;
  now?: Date;
}

/** Records a revision; returns it, or undefined when the state equals the latest revision's. */
export async function recordRevision(engine: RecordEngine, store: RevisionStore, req: RecordRequest): Promise<Revision | undefined> {
  const [images, existing] = await Promise.all([runningImages(engine, req.model), store.list()]);
  const digest = revisionDigest(req.model, images);
  const latest = existing[existing.length - 1];
  if (latest && latest.digest === digest && req.kind === 'up') return undefined;
  const rev: Revision = {
    formatVersion: REVISION_FORMAT,
    project: req.model.name,
    number: (latest?.number ?? 0) + 1,
    time: (req.now ?? new Date()).toISOString(),
    command: req.command,
    kind: req.kind,
    ...(req.rollbackTo !== undefined ? { rollbackTo: req.rollbackTo } : {}),
    model: req.model,
    workingDir: req.meta.workingDir,
    configFiles: req.meta.configFiles,
    images,
    changed: latest ? changedServices(req.plan) : Object.keys(req.model.services).sort(),
    digest,
  };
  await store.save(rev);
  const prune = revisionsToPrune([...existing.map((r) => r.number), rev.number], KEEP_REVISIONS);
  if (prune.length) await store.remove(prune);
  return rev;
}

/** Services whose containers the plan created, recreated, removed, started or stopped. */
export function changedServices(plan: Plan): string[] {
  const out = new Set<string>();
  for (const a of plan.actions) {
    if (a.type === 'container' && a.action !== 'noop' && a.service) out.add(a.service);
  }
  return [...out].sort();
}

/** Service → the image id its newest container runs; the ref's id for a service with none. */
export async function runningImages(engine: RecordEngine, model: Project): Promise<Record<string, string>> {
  const containers = await engine.listContainers({ all: true, labels: [`${LABELS.project}=${model.name}`] });
  const best = new Map<string, { n: number; imageId: string }>();
  for (const c of containers) {
    const svc = c.labels[LABELS.service];
    // A backup of an atomic up (being removed) is not what runs.
    if (!svc || isOneOff(c.labels) || !model.services[svc] || isBackupName(c.name)) continue;
    const n = containerNumber(c.labels) || 0;
    if (!best.has(svc) || best.get(svc)!.n < n) best.set(svc, { n, imageId: c.imageId });
  }
  const out: Record<string, string> = {};
  await Promise.all(
    Object.keys(model.services).map(async (svc) => {
      const id = best.get(svc)?.imageId ?? (await engine.inspectImage(imageRef(model.name, svc, model.services[svc])))?.id;
      if (id) out[svc] = id;
    }),
  );
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** After a successful `up`: record, but never fail the `up` over it (a warning says why). */
export async function recordUpRevision(
  engine: Engine,
  model: Project,
  meta: Pick<ProjectMeta, 'workingDir' | 'configFiles'>,
  plan: Plan,
  io: { err(t: string): void; env: Record<string, string | undefined> },
  command: string,
): Promise<Revision | undefined> {
  const warn = (m: string) => io.err(`warning: ${m}\n`);
  try {
    return await recordRevision(engine, openRevisionStore(engine, model.name, io.env, warn), { model, meta, plan, command, kind: 'up' });
  } catch (e) {
    warn(`could not record a revision of project ${model.name}: ${(e as Error).message}`);
    return undefined;
  }
}

/** `down -v`: the project's revisions go with its data (engine volumes and local files). */
export async function removeRevisions(engine: Engine, project: string, io: { err(t: string): void; env: Record<string, string | undefined> }): Promise<void> {
  const store = openRevisionStore(engine, project, io.env, (m) => io.err(`warning: ${m}\n`));
  const all = await store.list();
  if (all.length) await store.remove(all.map((r) => r.number));
}
