/**
 * Service volume mounts, short (`SRC:TARGET[:MODE]`) or long syntax, as one shape,
 * with the path to report at (the item, or its `source` in the long syntax).
 */
import type { RuleContext } from '../types.js';
import type { Path } from '../../parser/types.js';
import { isDynamic, isObj, scalarText, type ServiceEntry } from './_util.js';

export interface Mount {
  service: string;
  /** The list item. */
  path: Path;
  /** Where the source was written (the item, or `source` of a long-syntax item). */
  sourcePath: Path;
  type: string;
  source?: string;
  target: string;
  /** Mode flags of the short syntax (`ro`, `rshared`, `z`, …). */
  modes: string[];
  propagation?: string;
  dynamic: boolean;
  long: boolean;
}

/** Several rules read the mounts of the same service object: parse them once per load. */
const cache = new WeakMap<object, Mount[]>();

export function mounts(ctx: RuleContext, s: ServiceEntry): Mount[] {
  const vols = s.svc.volumes;
  if (!Array.isArray(vols)) return [];
  const hit = cache.get(vols);
  if (hit && (hit.length === 0 || hit[0]!.service === s.name)) return hit;
  const out: Mount[] = [];
  cache.set(vols, out);
  vols.forEach((item, i) => {
    const p: Path = [...s.path, 'volumes', i];
    const m = isObj(item) ? longMount(ctx, p, item) : shortMount(ctx, p, item);
    if (m) out.push({ service: s.name, path: p, ...m });
  });
  return out;
}

type Parsed = Omit<Mount, 'service' | 'path'>;

function longMount(ctx: RuleContext, p: Path, item: Record<string, unknown>): Parsed | undefined {
  const target = scalarText(item.target) ?? '';
  const source = scalarText(item.source);
  const bind = isObj(item.bind) ? item.bind : {};
  return {
    sourcePath: source === undefined ? p : [...p, 'source'],
    type: scalarText(item.type) ?? 'volume',
    source,
    target,
    modes: isTrueish(item.read_only) ? ['ro'] : [],
    propagation: scalarText(bind.propagation),
    dynamic: isDynamic(ctx, [...p, 'source'], source),
    long: true,
  };
}

function shortMount(ctx: RuleContext, p: Path, item: unknown): Parsed | undefined {
  const text = scalarText(item);
  if (text === undefined) return undefined;
  const parts = splitVolume(text);
  const dynamic = isDynamic(ctx, p, text);
  if (parts.length === 1) return { sourcePath: p, type: 'volume', target: parts[0]!, modes: [], dynamic, long: false };
  const [source, target, mode = ''] = parts as [string, string, string?];
  const modes = mode.split(',').filter(Boolean);
  return {
    sourcePath: p,
    type: isHostPath(source) ? 'bind' : 'volume',
    source,
    target,
    modes,
    propagation: modes.find((m) => /^r?(shared|slave|private)$/.test(m)),
    dynamic,
    long: false,
  };
}

/** Split at `:`, keeping a Windows drive letter (`C:\…`) with its path. */
function splitVolume(text: string): string[] {
  const raw = text.split(':');
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const part = raw[i]!;
    const next = raw[i + 1];
    if (/^[A-Za-z]$/.test(part) && next !== undefined && /^[\\/]/.test(next)) {
      out.push(`${part}:${next}`);
      i++;
    } else out.push(part);
  }
  return out;
}

/** Bind mounts start with `.`, `/`, `~` or a drive letter; anything else names a volume. */
export function isHostPath(source: string): boolean {
  return /^[./~]/.test(source) || /^[A-Za-z]:[\\/]/.test(source) || source.startsWith('$') || source.startsWith('\\\\');
}

function isTrueish(v: unknown): boolean {
  return v === true || v === 'true';
}

/** Normalise a host path for comparisons: no trailing slash, no `//`. */
export function normalizeHostPath(p: string): string {
  const n = p.replace(/\/+/g, '/');
  return n.length > 1 ? n.replace(/\/$/, '') : n;
}
