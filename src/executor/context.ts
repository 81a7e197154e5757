/** The state one execution shares between its steps. */
import type { Engine, Snapshot } from '../engine/engine.js';
import type { IncludedValues, Project } from '../model/project.js';
import type { PlanAction } from '../planner/plan-types.js';
import type { ProgressEvent } from './progress.js';
import type { ContainerRegistry } from './registry.js';

export interface ExecuteOptions {
  /** Max engine operations at once (`--parallel`); 0 = unlimited. */
  parallel?: number;
  /** Create containers, start none (`--no-start`). */
  noStart?: boolean;
  /** Seconds to wait for a stop before SIGKILL (`-t`); undefined = each container's own. */
  timeout?: number;
  /** Recreate anonymous volumes instead of reusing them (`-V`). */
  renewAnonVolumes?: boolean;
  /** Remove anonymous volumes with containers (`down -v`, `rm -v`). */
  removeVolumes?: boolean;
  /** Written into `com.docker.compose.version`. */
  version: string;
  /** Lines of build output. */
  onBuildOutput?: (service: string, line: string) => void;
  /** Aborted on Ctrl-C / SIGTERM: no new step starts, in-flight engine calls finish. */
  signal?: AbortSignal;
  /** `--wait-timeout` seconds: how long a rolling replica may take to become healthy. */
  waitTimeout?: number;
}

export interface ExecContext {
  engine: Engine;
  project: Project;
  workingDir: string;
  configFiles: string[];
  /** The project's environment: secrets and configs from `environment` read it (see BodyContext). */
  environment: Record<string, string>;
  includedValues?: IncludedValues;
  snapshot: Snapshot;
  options: ExecuteOptions;
  registry: ContainerRegistry;
  actions: Map<string, PlanAction>;
  progress: (e: Omit<ProgressEvent, 'elapsed' | 'duration'>) => void;
  warn: (message: string) => void;
  /** Memoised waits, so dependents of one container share one poll. */
  waits: Map<string, Promise<void>>;
}

/** A failure of one action: the message names the service (or resource) it concerns. */
export class StepError extends Error {
  constructor(
    message: string,
    readonly actionId: string,
  ) {
    super(message);
    this.name = 'StepError';
  }
}
