/**
 * depends_on conditions, checked on the engine: service_started (running or done),
 * service_healthy (the health status, polled at the healthcheck's own pace),
 * service_completed_successfully (exit code 0; anything else fails the dependent).
 */
import type { Engine } from '../engine/engine.js';
import type { HealthCheckConfig } from '../model/project.js';
import { parseDuration } from '../parser/canonical/units.js';
import type { WaitCondition } from '../planner/plan-types.js';

export class ConditionError extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitForCondition(engine: Engine, id: string, dep: string, condition: WaitCondition, health?: HealthCheckConfig, signal?: AbortSignal): Promise<void> {
  if (condition === 'service_completed_successfully') return waitCompleted(engine, id, dep);
  if (condition === 'service_healthy') return waitHealthy(engine, id, dep, health, signal);
  const info = await engine.inspectContainer(id);
  if (!info) throw new ConditionError(`dependency ${dep} has no container`);
  if (info.state.status === 'created') throw new ConditionError(`dependency ${dep} did not start`);
  if (!info.state.running && info.state.exitCode !== 0) {
    throw new ConditionError(`dependency ${dep} exited with code ${info.state.exitCode}`);
  }
}

async function waitCompleted(engine: Engine, id: string, dep: string): Promise<void> {
  const code = await engine.waitContainer(id);
  if (code !== 0) throw new ConditionError(`dependency ${dep} exited with code ${code} (service_completed_successfully needs 0)`);
}

async function waitHealthy(engine: Engine, id: string, dep: string, hc: HealthCheckConfig | undefined, signal?: AbortSignal): Promise<void> {
  const { pollMs, deadlineMs } = healthTiming(hc);
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const info = await engine.inspectContainer(id);
    if (!info) throw new ConditionError(`dependency ${dep} has no container`);
    const h = info.state.health;
    if (h === 'healthy') return;
    if (h === undefined || h === 'none') throw new ConditionError(`dependency ${dep} has no healthcheck, so service_healthy can never hold`);
    if (h === 'unhealthy') throw new ConditionError(`dependency ${dep} is unhealthy${probe(info.state.healthLog)}`);
    if (!info.state.running) throw new ConditionError(`dependency ${dep} exited with code ${info.state.exitCode} before it was healthy`);
    if (Date.now() > deadline) throw new ConditionError(`dependency ${dep} did not become healthy in ${Math.round(deadlineMs / 1000)}s${probe(info.state.healthLog)}`);
    if (signal?.aborted) throw new ConditionError(`interrupted while waiting for dependency ${dep} to be healthy`);
    await sleep(pollMs);
  }
}

function probe(log: string | undefined): string {
  return log ? ` (last probe: ${log.split('\n')[0]!.slice(0, 200)})` : '';
}

/** Poll a few times per probe interval; give up after the time the engine needs to call it unhealthy, plus slack. */
export function healthTiming(hc: HealthCheckConfig | undefined): { pollMs: number; deadlineMs: number } {
  const ms = (v: string | undefined, dflt: number) => {
    const ns = v === undefined ? undefined : parseDuration(v);
    return ns === undefined ? dflt : Number(ns / 1_000_000n);
  };
  const interval = ms(hc?.interval, 30_000);
  const timeout = ms(hc?.timeout, 30_000);
  const start = ms(hc?.start_period, 0);
  const startInterval = ms(hc?.start_interval, 5_000);
  const retries = hc?.retries ?? 3;
  const pollMs = Math.min(500, Math.max(50, Math.min(interval, start ? startInterval : interval) / 5));
  const deadlineMs = start + (interval + timeout) * (retries + 1) + 10_000;
  return { pollMs, deadlineMs };
}
