/**
 * `up --wait`: every started container running, and healthy when it has a healthcheck; a one-shot
 * that others wait on with service_completed_successfully must have exited 0.
 */
import type { Engine } from '../engine/engine.js';
import type { Project } from '../model/project.js';
import { healthTiming } from './wait-conditions.js';

export interface ReadyTarget {
  id: string;
  name: string;
  service: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitReady(engine: Engine, project: Project, targets: ReadyTarget[], timeoutSec: number | undefined, onReady?: (t: ReadyTarget, status: 'Healthy' | 'Running' | 'Exited') => void, signal?: AbortSignal): Promise<string[]> {
  const deadline = timeoutSec ? Date.now() + timeoutSec * 1000 : Infinity;
  const oneShots = completedDependencies(project);
  const errors = await Promise.all(targets.map((t) => waitOne(engine, project, t, oneShots.has(t.service), deadline, onReady, signal)));
  return errors.filter((e): e is string => Boolean(e));
}

async function waitOne(engine: Engine, project: Project, t: ReadyTarget, oneShot: boolean, deadline: number, onReady?: (t: ReadyTarget, s: 'Healthy' | 'Running' | 'Exited') => void, signal?: AbortSignal): Promise<string | undefined> {
  const hc = project.services[t.service]?.healthcheck;
  const { pollMs } = healthTiming(hc);
  for (;;) {
    const info = await engine.inspectContainer(t.id);
    if (!info) return `service ${t.service}: container ${t.name} disappeared`;
    const s = info.state;
    if (!s.running && s.status !== 'created') {
      if (oneShot && s.exitCode === 0) return void onReady?.(t, 'Exited');
      return `service ${t.service}: container ${t.name} exited with code ${s.exitCode}`;
    }
    if (s.health === 'unhealthy') return `service ${t.service}: container ${t.name} is unhealthy${s.healthLog ? ` (last probe: ${s.healthLog.split('\n')[0]})` : ''}`;
    if (s.running && (s.health === undefined || s.health === 'none' || s.health === 'healthy')) {
      if (!oneShot) return void onReady?.(t, s.health === 'healthy' ? 'Healthy' : 'Running');
    }
    if (Date.now() > deadline) return `service ${t.service}: container ${t.name} not ready in time (${s.health ?? s.status})`;
    if (signal?.aborted) return `service ${t.service}: interrupted while waiting for container ${t.name}`;
    await sleep(pollMs);
  }
}

/** Services some other service waits on with service_completed_successfully. */
function completedDependencies(project: Project): Set<string> {
  const out = new Set<string>();
  for (const s of Object.values(project.services)) {
    for (const [dep, d] of Object.entries(s.depends_on ?? {})) if (d.condition === 'service_completed_successfully') out.add(dep);
  }
  return out;
}
