/** One clear line per failed action, naming its service, with the usual causes spelled out. */
import { EngineError } from '../engine/engine-errors.js';
import type { PlanAction } from '../planner/plan-types.js';

export function describeFailure(a: PlanAction, err: unknown): { message: string; unreachable: boolean } {
  const raw = err instanceof Error ? err.message : String(err);
  const unreachable = err instanceof EngineError && err.status === 0;
  const who = a.service ? `service ${a.service}` : `${a.type} ${a.name}`;
  return { message: `${who}: ${explain(raw, a)}`, unreachable };
}

function explain(raw: string, a: PlanAction): string {
  const noImage = /No such image: (\S+)/i.exec(raw);
  if (noImage) return `image ${noImage[1]} is not present locally (and pull_policy or --pull did not fetch it): ${raw}`;
  const port = /Bind for ([\d.:[\]]+) failed: port is already allocated|listen tcp[46]? ([\d.:[\]]+): bind: address already in use/.exec(raw);
  if (port) return `host port ${port[1] ?? port[2]} is already in use, so ${a.name} cannot start: ${raw}`;
  return raw;
}
