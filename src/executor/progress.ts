/** Progress events the executor emits; renderers (TTY, plain, json, quiet) turn them into output. */

export type ProgressStatus =
  | 'Creating' | 'Created' | 'Recreating' | 'Recreated' | 'Starting' | 'Started' | 'Running'
  | 'Waiting' | 'Healthy' | 'Exited' | 'Restarting' | 'Stopping' | 'Stopped' | 'Removing' | 'Removed'
  | 'Pulling' | 'Pulled' | 'Building' | 'Built' | 'Skipped' | 'Error' | 'Warning';

export interface ProgressEvent {
  /** The resource as users name it: `container p-web-1`, `network p_default`. */
  resource: string;
  status: ProgressStatus;
  /** ms since the executor started. */
  elapsed: number;
  /** Seconds the resource has been in progress when it reaches a final status. */
  duration?: number;
  service?: string;
  message?: string;
  /** A whole status line of build or pull output. */
  detail?: string;
}

export type ProgressSink = (e: ProgressEvent) => void;

const FINAL: ReadonlySet<ProgressStatus> = new Set(['Created', 'Recreated', 'Started', 'Running', 'Healthy', 'Exited', 'Stopped', 'Removed', 'Pulled', 'Built', 'Skipped', 'Error']);

export function isFinal(s: ProgressStatus): boolean {
  return FINAL.has(s);
}

/** Stamps events with elapsed time and the time since each resource's first event. */
export function createProgress(sink: ProgressSink, now: () => number = Date.now): (e: Omit<ProgressEvent, 'elapsed' | 'duration'>) => void {
  const t0 = now();
  const firstSeen = new Map<string, number>();
  return (e) => {
    const t = now();
    if (!firstSeen.has(e.resource)) firstSeen.set(e.resource, t);
    const duration = isFinal(e.status) ? (t - firstSeen.get(e.resource)!) / 1000 : undefined;
    sink({ ...e, elapsed: t - t0, ...(duration !== undefined ? { duration } : {}) });
  };
}
