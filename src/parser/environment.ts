// PLACEHOLDER (replaced by the interpolation work): OS environment only.
import type { LoadContext, LoadOptions } from './types.js';
export function buildEnvironment(options: LoadOptions, _ctx: LoadContext): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.env ?? process.env)) if (v !== undefined) env[k] = v;
  return env;
}
