/**
 * Published ports as bindings: host IP, host port range and protocol, from the short syntax
 * (`[IP:][HOST:]CONTAINER[/PROTO]`) or the long one. A part written with `${…}` is "unknown".
 */
import type { RuleContext } from '../types.js';
import type { Path } from '../../parser/types.js';
import { isObj, scalarText, type ServiceEntry } from './_util.js';
import { writtenInterpolation } from '../source-nodes.js';

export const UNKNOWN = Symbol('unknown');
export type Unknown = typeof UNKNOWN;

export interface PortBinding {
  service: string;
  /** The service's raw mapping (profiles, …). */
  svc: Record<string, unknown>;
  /** The list item. */
  path: Path;
  /** Where to report: the item, or `published` of a long-syntax item. */
  at: Path;
  /** '' when no host IP was given (all interfaces). */
  hostIp: string | Unknown;
  /** Host port range; undefined when not published or published on a random port. */
  published: { start: number; end: number } | Unknown | undefined;
  target: string;
  protocol: string;
}

/** Every port item of a service as a binding. */
/** Several rules read the ports of the same service object: parse them once per load. */
const cache = new WeakMap<object, PortBinding[]>();

export function portBindings(ctx: RuleContext, s: ServiceEntry): PortBinding[] {
  const ports = s.svc.ports;
  if (!Array.isArray(ports)) return [];
  const hit = cache.get(ports);
  if (hit && (hit.length === 0 || hit[0]!.service === s.name)) return hit;
  const out: PortBinding[] = [];
  cache.set(ports, out);
  ports.forEach((item, i) => {
    const p: Path = [...s.path, 'ports', i];
    const b = isObj(item) ? longPort(ctx, p, item) : shortPort(ctx, p, item);
    const at = isObj(item) && item.published !== undefined ? [...p, 'published'] : p;
    if (b) out.push({ service: s.name, svc: s.svc, path: p, at, ...b });
  });
  return out;
}

type Parsed = Omit<PortBinding, 'service' | 'svc' | 'path' | 'at'>;

function longPort(ctx: RuleContext, p: Path, item: Record<string, unknown>): Parsed | undefined {
  const target = scalarText(item.target);
  if (target === undefined) return undefined;
  const pubText = scalarText(item.published);
  const ipText = scalarText(item.host_ip) ?? '';
  return {
    target,
    protocol: (scalarText(item.protocol) ?? 'tcp').toLowerCase(),
    hostIp: ctx.isInterpolated([...p, 'host_ip']) ? UNKNOWN : ipText,
    published: ctx.isInterpolated([...p, 'published']) ? UNKNOWN : pubText === undefined ? undefined : parseRange(pubText),
  };
}

function shortPort(ctx: RuleContext, p: Path, item: unknown): Parsed | undefined {
  const value = scalarText(item);
  if (value === undefined) return undefined;
  // Parse what was written, so a `${…}` part is known to be unknown rather than its default.
  return parseShortPort(writtenInterpolation(ctx.files, p) ?? value);
}

/** `[IP:][HOST:]CONTAINER[/PROTO]`; IPv6 addresses in brackets; parts with `$` are unknown. */
export function parseShortPort(text: string): Parsed {
  let body = text.trim();
  let protocol = 'tcp';
  const slash = lastOutsideBraces(body, '/');
  if (slash >= 0) {
    protocol = body.slice(slash + 1).toLowerCase();
    body = body.slice(0, slash);
  }
  const parts = splitColons(body);
  const target = parts.pop() ?? '';
  const host = parts.length ? parts.pop()! : undefined;
  const ip = parts.join(':').replace(/^\[(.*)\]$/, '$1');
  const unknown = (s: string) => s.includes('$');
  return {
    target,
    protocol: unknown(protocol) ? 'tcp' : protocol,
    hostIp: unknown(ip) ? UNKNOWN : ip,
    published: host === undefined || host === '' ? undefined : unknown(host) ? UNKNOWN : parseRange(host),
  };
}

/** Index of the last `ch` outside `${…}`, or -1. */
function lastOutsideBraces(s: string, ch: string): number {
  let depth = 0;
  let found = -1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}') depth--;
    else if (s[i] === ch && depth === 0) found = i;
  }
  return found;
}

/** Split at `:` outside `[…]` and `${…}`. */
function splitColons(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '[' || ch === '{') depth++;
    if (ch === ']' || ch === '}') depth--;
    if (ch === ':' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function parseRange(s: string): { start: number; end: number } | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s.trim());
  if (!m) return undefined;
  const start = Number(m[1]);
  return { start, end: m[2] ? Number(m[2]) : start };
}

const WILDCARDS = new Set(['', '0.0.0.0', '::', '[::]']);

export function isAllInterfaces(ip: string): boolean {
  return WILDCARDS.has(ip);
}

/** Two host IPs can collide: equal, or one is a wildcard of the same family (or '' = both). */
export function ipsOverlap(a: string, b: string): boolean {
  if (a === b || a === '' || b === '') return true;
  const v6 = (ip: string) => ip.includes(':');
  if (v6(a) !== v6(b)) return false;
  return WILDCARDS.has(a) || WILDCARDS.has(b);
}
