/**
 * Stage 3: interpolation of one file's raw tree, before include/extends/merge (compose-go
 * interpolation.Interpolate + loader type casts). Values only, never keys. Unset variables
 * warn and become ""; `:?`/`?` and bad syntax are located errors; then strings at typed
 * paths are cast (ports, booleans, counts). Paths that held `$` expressions are recorded for lint.
 */
import { castFor } from './casts.js';
import { unsetMessage } from './environment.js';
import { pathKey } from './source-index.js';
import { substitute, type TemplateError } from './template.js';
import { OverrideTag, ResetTag, type LoadContext, type RawMap, type RawValue } from './types.js';
import { formatPath } from './types.js';

interface Walk {
  ctx: LoadContext;
  file: string;
  lookup: (name: string) => string | undefined;
  interpolated: Map<string, string>;
}

export function interpolateTree(raw: RawMap, ctx: LoadContext, file: string): RawMap {
  const env = ctx.environment;
  const source = ctx.sources.get(file);
  const interpolated = source?.interpolated ?? new Map<string, string>();
  if (source) source.interpolated = interpolated;
  const w: Walk = { ctx, file, lookup: (k) => (Object.prototype.hasOwnProperty.call(env, k) ? env[k] : undefined), interpolated };
  return walkMap(raw, [], w);
}

/** Copy-on-write: subtrees without `$` or typed strings come back as the same objects. */
function walk(v: RawValue, path: (string | number)[], w: Walk): RawValue {
  if (typeof v === 'string') return interpolateString(v, path, w);
  if (Array.isArray(v)) {
    let out: RawValue[] | undefined;
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      const n = walk(v[i]!, path, w);
      path.pop();
      if (n !== v[i] && !out) out = v.slice(0, i);
      if (out) out.push(n);
    }
    return out ?? v;
  }
  if (v instanceof OverrideTag) {
    const inner = walk(v.value as RawValue, path, w);
    return inner === v.value ? v : new OverrideTag(inner);
  }
  if (v instanceof ResetTag || v === null || typeof v !== 'object') return v;
  return walkMap(v, path, w);
}

function walkMap(m: RawMap, path: (string | number)[], w: Walk): RawMap {
  let out: RawMap | undefined;
  for (const k of Object.keys(m)) {
    path.push(k);
    const n = walk(m[k]!, path, w);
    path.pop();
    if (n !== m[k] && !out) out = Object.assign(Object.create(null) as RawMap, m);
    if (out) out[k] = n;
  }
  return out ?? m;
}

function interpolateString(s: string, path: (string | number)[], w: Walk): RawValue {
  let value = s;
  if (s.includes('$')) {
    const r = substitute(s, w.lookup);
    if (r.hasVariables) w.interpolated.set(pathKey(path), s);
    for (const name of r.unset) report(w, path, 'interpolation_unset', unsetMessage(name), 'warning');
    const err = r.errors[0];
    if (err) {
      reportTemplateError(w, path, err);
      return s;
    }
    value = r.value;
  }
  const cast = castFor(path);
  if (!cast) return value;
  const c = cast(value);
  if (!c.ok) {
    report(w, path, 'interpolation_cast', `${formatPath(path)}: failed to cast to expected type: ${c.error}`);
    return value;
  }
  if (c.warning) report(w, path, 'interpolation_bool_yaml11', c.warning, 'warning');
  return c.value;
}

function reportTemplateError(w: Walk, path: (string | number)[], err: TemplateError): void {
  if (err.kind === 'required') {
    report(w, path, 'interpolation_required', `error while interpolating ${formatPath(path)}: ${err.message}`);
  } else {
    const what = err.template ? `: ${JSON.stringify(err.template)}` : '';
    report(w, path, 'interpolation_invalid', `invalid interpolation format for ${formatPath(path)}${what}; you may need to escape any $ with another $`);
  }
}

function report(w: Walk, path: (string | number)[], code: string, message: string, severity: 'error' | 'warning' = 'error'): void {
  w.ctx.report({ code, severity, message, path: [...path], file: w.file });
}
