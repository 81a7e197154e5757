/** `command`, `entrypoint` (`ShellCommand`) and `healthcheck` (`CMD-SHELL`, Go durations). */
import type { Path } from '../types.js';
import { toBool, toInt, toStr } from './scalars.js';
import { ShellWordsError, splitShellWords } from './shell-words.js';
import { isObject, type CanonContext } from './table.js';
import { normalizeDuration } from './units.js';

/** A string is split into words like a shell would; a list is kept; absent or null stays null. */
export function canonicalCommand(value: unknown, path: Path, c: CanonContext): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toStr);
  if (typeof value !== 'string') {
    c.ctx.report({ code: 'invalid_type', message: `${String(path[path.length - 1])} must be a string or a list`, path });
    return null;
  }
  try {
    return splitShellWords(value);
  } catch (e) {
    if (!(e instanceof ShellWordsError)) throw e;
    c.ctx.report({ code: 'invalid_command', message: `cannot split "${value}" into words: unbalanced quotes or parentheses`, path });
    return [value];
  }
}

const HEALTHCHECK_DURATIONS = ['interval', 'timeout', 'start_period', 'start_interval'];

export function canonicalHealthcheck(value: unknown, path: Path, c: CanonContext): unknown {
  if (!isObject(value)) {
    c.ctx.report({ code: 'invalid_type', message: 'healthcheck must be a mapping', path });
    return undefined;
  }
  const out: Record<string, unknown> = { ...value };
  if (typeof out.test === 'string') out.test = ['CMD-SHELL', out.test];
  else if (Array.isArray(out.test)) out.test = out.test.map(toStr);
  for (const key of HEALTHCHECK_DURATIONS) {
    if (out[key] === undefined || out[key] === null) delete out[key];
    else out[key] = duration(out[key], [...path, key], c);
  }
  if (out.retries !== undefined) out.retries = toInt(out.retries) ?? out.retries;
  if (out.disable !== undefined) {
    out.disable = toBool(out.disable) ?? out.disable;
    if (out.disable === false) delete out.disable;
  }
  return out;
}

/** A duration in Go's canonical spelling (`90s` → `1m30s`); reported when it does not parse. */
export function duration(value: unknown, path: Path, c: CanonContext): unknown {
  const d = normalizeDuration(value);
  if (d !== undefined) return d;
  if (!c.lenient) c.ctx.report({ code: 'invalid_duration', message: `invalid duration "${toStr(value)}"`, path });
  return value;
}

export function canonicalDuration(value: unknown, path: Path, c: CanonContext): unknown {
  return value === null ? undefined : duration(value, path, c);
}
