/**
 * The flags `plan` shares with `up`, as planner options. A module of its own so `up` does not load
 * `plan`'s renderers (and chalk with them) to read its flags.
 */
import { NcomposeError } from '../diagnostics.js';
import type { PlanOptions, PullOption } from '../planner/options.js';
import type { UpdateStrategy } from '../planner/strategy.js';

/** yargs reads `--no-x` as `x: false`. */
export function upOptionsFrom(a: Record<string, unknown>): PlanOptions {
  const noRecreate = a['no-recreate'] === true || a['recreate'] === false;
  if (noRecreate && a['force-recreate']) throw new NcomposeError('--force-recreate and --no-recreate cannot be used together', [], 2);
  return {
    forceRecreate: Boolean(a['force-recreate']),
    noRecreate,
    noDeps: a['no-deps'] === true || a['deps'] === false,
    removeOrphans: Boolean(a['remove-orphans']),
    scale: parseScale((a.scale as string[] | undefined) ?? []),
    pull: a.pull as PullOption | undefined,
    build: Boolean(a.build),
    ...(a.strategy ? { strategy: a.strategy as UpdateStrategy } : {}),
  };
}

export function parseScale(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) {
    const m = /^([^=]+)=(\d+)$/.exec(v);
    if (!m) throw new NcomposeError(`--scale ${v}: expected SERVICE=N`, [], 2);
    out[m[1]] = Number(m[2]);
  }
  return out;
}
