/** What `plan` / `up` may ask of the planner, and the state the per-kind planners share. */
import type { Diagnostic } from '../diagnostics.js';
import type { ContainerSummary, Snapshot } from '../engine/engine.js';
import type { Project } from '../model/project.js';
import type { Locate } from './cycles.js';
import type { ServiceEdge } from './graph.js';
import type { PlanAction } from './plan-types.js';
import type { UpdateStrategy } from './strategy.js';

export type PullOption = 'always' | 'missing' | 'never' | 'build';

export interface PlanOptions {
  /** Targeted services (SERVICE…); empty = all. */
  services?: string[];
  noDeps?: boolean;
  forceRecreate?: boolean;
  noRecreate?: boolean;
  removeOrphans?: boolean;
  scale?: Record<string, number>;
  pull?: PullOption;
  build?: boolean;
  /** Planned against an empty snapshot without an engine: external resources cannot be checked. */
  offline?: boolean;
  /** Services disabled by profiles: their containers are not orphans. */
  disabledServices?: string[];
  /** Model path → source position, for cycle diagnostics. */
  locate?: Locate;
  /** Embed the model in the plan (default true). */
  includeModel?: boolean;
  /** Keep replaced/removed containers as backups until the `up` is verified (backups.ts). */
  atomic?: boolean;
  /** `up --strategy`: override each service's deploy.update_config.order (strategy.ts). */
  strategy?: UpdateStrategy;
  /** The images were just built and pulled (`up` runs those first): plan no image actions again. */
  imagesDone?: boolean;
}

/** Shared by the per-kind planners of one `plan()` call. */
export interface PlanContext {
  project: Project;
  snapshot: Snapshot;
  opts: PlanOptions;
  edges: ServiceEdge[];
  adj: Map<string, string[]>;
  /** Services the plan acts on (targets + dependencies). */
  scope: Set<string>;
  /** Targeted services (all in scope when none named): --force-recreate applies to these. */
  targets: Set<string>;
  containersByService: Map<string, ContainerSummary[]>;
  actions: PlanAction[];
  /** Action ids by resource key: `network:<key>`, `image:<ref>`, `service:<name>` → container ids. */
  byService: Map<string, PlanAction[]>;
  warnings: string[];
  errors: Diagnostic[];
}
