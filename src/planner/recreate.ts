/** Whether an existing container must be recreated, and the fields that changed. */
import type { ContainerSummary } from '../engine/engine.js';
import { hashableService } from '../model/config-hash.js';
import type { ServiceConfig } from '../model/project.js';
import { diffFields } from './diff-fields.js';
import { LABELS } from './names.js';
import type { Cause, FieldChange } from './plan-types.js';

export interface RecreateReason {
  cause: Cause;
  changes: FieldChange[];
}

export interface DesiredService {
  svc: ServiceConfig;
  hash: string;
  ref: string;
  /** The image id the ref resolves to now; undefined when absent. */
  imageId?: string;
  /** A pull or build of an image that is absent now: its id is known only after it. */
  imagePending?: 'pull' | 'build';
}

/** config hash first, then the image the tag resolves to. `undefined` = the container is current. */
export function outdatedReason(c: ContainerSummary, want: DesiredService): RecreateReason | undefined {
  if (c.labels[LABELS.configHash] !== want.hash) {
    return { cause: 'config_changed', changes: configChanges(c, want.svc) };
  }
  if (want.imageId && c.imageId && c.imageId !== want.imageId) {
    return { cause: 'image_changed', changes: [{ path: 'image_id', before: c.imageId, after: want.imageId }] };
  }
  if (want.imagePending) {
    return { cause: 'image_changed', changes: [{ path: 'image_id', before: c.imageId || null, after: `(known after ${want.imagePending})` }] };
  }
  return undefined;
}

/** Leaf diffs against the config the container was made from, when ncompose made it. */
export function configChanges(c: ContainerSummary, svc: ServiceConfig): FieldChange[] {
  const stored = c.labels[LABELS.serviceConfig];
  if (!stored) return [];
  let before: unknown;
  try {
    before = JSON.parse(stored);
  } catch {
    return [];
  }
  return diffFields(before, JSON.parse(JSON.stringify(hashableService(svc))));
}
