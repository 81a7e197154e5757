/**
 * The model a rollback applies: a revision's model with a service's `image` pinned to the image
 * id it ran whenever its reference could now give anything else (the tag moved, a pull or a build
 * would run). A service whose tag still resolves to the recorded id keeps its reference, so its
 * config hash is unchanged and a rollback does not recreate what it does not need to.
 */
import type { Engine } from '../engine/engine.js';
import type { Project, ServiceConfig } from '../model/project.js';
import { imageRef } from '../planner/names.js';
import type { Revision } from './revision.js';

export interface PinnedModel {
  model: Project;
  /** Services whose image was pinned to the recorded id. */
  pinned: string[];
  /** Services whose recorded image is no longer on the engine. */
  missing: { service: string; imageId: string }[];
}

export async function pinRevisionImages(engine: Pick<Engine, 'inspectImage'>, rev: Revision): Promise<PinnedModel> {
  const services: Record<string, ServiceConfig> = {};
  const pinned: string[] = [];
  const missing: PinnedModel['missing'] = [];
  for (const name of Object.keys(rev.model.services).sort()) {
    const svc = rev.model.services[name];
    const want = rev.images[name];
    services[name] = svc;
    if (!want) continue;
    const [now, recorded] = await Promise.all([engine.inspectImage(imageRef(rev.model.name, name, svc)), engine.inspectImage(want)]);
    if (!recorded) {
      missing.push({ service: name, imageId: want });
      continue;
    }
    if (now?.id === want && !rebuildsOrPulls(svc)) continue;
    services[name] = pinService(svc, want);
    pinned.push(name);
  }
  return { model: { ...rev.model, services }, pinned, missing };
}

/** `image: <id>`, no build, never pulled: the container runs exactly that image. */
export function pinService(svc: ServiceConfig, imageId: string): ServiceConfig {
  const { build: _build, ...rest } = svc;
  return { ...rest, image: imageId, pull_policy: 'never' };
}

function rebuildsOrPulls(svc: ServiceConfig): boolean {
  return svc.pull_policy === 'always' || svc.pull_policy === 'build';
}
