/**
 * The plan: plain, versioned JSON. The planner produces it (pure), the renderer shows it,
 * the executor applies it without making decisions. Schema: schemas/plan.schema.json.
 */
import type { Project } from '../model/project.js';

export const PLAN_FORMAT_VERSION = 1 as const;

export type ActionKind = 'create' | 'recreate' | 'remove' | 'start' | 'stop' | 'pull' | 'build' | 'noop';
export type ResourceType = 'container' | 'network' | 'volume' | 'image';

/** Why an action exists, snake_case, stable: tests and tools match on it. */
export type Cause =
  | 'missing'
  | 'config_changed'
  | 'image_changed'
  | 'force_recreate'
  | 'dependency_recreated'
  | 'stopped'
  | 'scale_up'
  | 'scale_down'
  | 'orphan'
  | 'up_to_date'
  | 'down'
  | 'pull_policy'
  | 'build_requested'
  | (string & {});

export interface FieldChange {
  path: string; // e.g. `image`, `environment.RELEASE`
  before: unknown;
  after: unknown;
}

export type WaitCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface PlanAction {
  /** Unique in the plan, e.g. `container:web-1`, `network:default`. */
  id: string;
  action: ActionKind;
  type: ResourceType;
  /** Engine name of the resource (`proj-web-1`, `proj_default`). */
  name: string;
  service?: string;
  /** Replica number for containers. */
  number?: number;
  cause: Cause;
  changes: FieldChange[];
  /** Ids of actions that must finish first. */
  dependsOn: string[];
  /** For container starts: what each dependency must reach before this one starts. */
  waitFor?: { action: string; service: string; condition: WaitCondition; required: boolean; restart?: boolean }[];
  /** Engine id of the existing resource this action acts on (recreate/remove/start/stop). */
  existingId?: string;
  /** Free-form details the executor needs (config hash, image ref, ...). Plain JSON. */
  details?: Record<string, unknown>;
}

export interface PlanSummary {
  create: number;
  recreate: number;
  remove: number;
  start: number;
  stop: number;
  pull: number;
  build: number;
  noop: number;
}

export interface Plan {
  formatVersion: typeof PLAN_FORMAT_VERSION;
  project: string;
  command: 'up' | 'down';
  /** Hash of the engine snapshot the plan was computed against; `up --plan` refuses a stale one. */
  fingerprint: string;
  actions: PlanAction[];
  summary: PlanSummary;
  warnings?: string[];
  /** The canonical model the plan was made from, so a saved plan can be applied alone. */
  model?: Project;
  options?: Record<string, unknown>;
}
