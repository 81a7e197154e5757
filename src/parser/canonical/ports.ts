/**
 * `services.*.ports`: short syntax (`[ip:][host:]container[/proto]`, ranges, IPv6 in brackets,
 * bare numbers) → long syntax, parsed like docker/go-connections `nat.ParsePortSpecs`, which
 * compose-go uses; long syntax gets its defaults (`mode: ingress`, `protocol: tcp`).
 */
import { isIP } from 'node:net';
import type { PortConfig } from '../../model/project.js';
import type { Path } from '../types.js';
import { toInt, toStr } from './scalars.js';
import { isObject, type CanonContext } from './table.js';

export class PortSpecError extends Error {}

export function canonicalPorts(value: unknown, path: Path, c: CanonContext): unknown {
  if (!Array.isArray(value)) {
    c.ctx.report({ code: 'invalid_type', message: 'ports must be a list', path });
    return undefined;
  }
  const out: unknown[] = [];
  value.forEach((entry, i) => {
    if (isObject(entry)) return out.push(longPort(entry));
    try {
      out.push(...parsePortSpec(toStr(entry)));
    } catch (e) {
      if (c.lenient) return out.push(entry);
      c.ctx.report({ code: 'invalid_port', message: `invalid port "${toStr(entry)}": ${(e as Error).message}`, path: [...path, i] });
    }
  });
  return out;
}

function longPort(p: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...p, mode: p.mode ?? 'ingress', protocol: p.protocol ?? 'tcp' };
  const target = toInt(p.target);
  if (target !== undefined) out.target = target;
  if (p.published !== undefined && p.published !== null) out.published = toStr(p.published);
  if (out.published === '' || out.published === null) delete out.published;
  return out;
}

/** One short-syntax entry → one or more long-syntax ports, ordered as compose-go orders them. */
export function parsePortSpec(raw: string): PortConfig[] {
  const parts = raw.split(':');
  const n = parts.length;
  let ip = n > 2 ? parts.slice(0, n - 2).join(':') : '';
  const hostPort = n > 1 ? parts[n - 2]! : '';
  const [proto, containerPort] = splitProto(parts[n - 1]!);
  if (ip.startsWith('[')) {
    if (!ip.endsWith(']')) throw new PortSpecError(`invalid IP address ${ip}`);
    ip = ip.slice(1, -1);
  }
  if (ip && !isIP(ip)) throw new PortSpecError(`invalid IP address: ${ip}`);
  if (!containerPort) throw new PortSpecError(`no port specified: ${raw}<empty>`);
  const [start, end] = portRange(containerPort, 'containerPort');
  const [hStart, hEnd] = hostPort ? portRange(hostPort, 'hostPort') : [0, 0];
  if (hostPort && end - start !== hEnd - hStart && end !== start) {
    throw new PortSpecError(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
  }
  if (!['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) throw new PortSpecError(`invalid proto: ${proto}`);
  const ports: PortConfig[] = [];
  for (let i = 0; i <= end - start; i++) {
    let published = hostPort ? String(hStart + i) : '';
    if (start === end && hStart !== hEnd) published = `${published}-${hEnd}`;
    const port: PortConfig = { mode: 'ingress', target: start + i, protocol: proto.toLowerCase() };
    if (ip) port.host_ip = ip;
    if (published) port.published = published;
    ports.push(port);
  }
  // nat.ParsePortSpecs keys ports by "port/proto" and compose-go sorts those keys as strings.
  return ports.sort((a, b) => cmp(`${a.target}/${a.protocol}`, `${b.target}/${b.protocol}`));
}

function splitProto(s: string): [string, string] {
  const parts = s.split('/');
  if (parts[0] === '') return ['', ''];
  if (parts.length === 1 || parts[1] === '') return ['tcp', parts[0]!];
  return [parts[1]!, parts[0]!];
}

function portRange(s: string, what: string): [number, number] {
  const bounds = s.split('-');
  const nums = bounds.map((b) => (/^\d+$/.test(b) ? Number(b) : NaN));
  if (bounds.length > 2 || nums.some((x) => !(x >= 0 && x <= 65535))) throw new PortSpecError(`invalid ${what}: ${s}`);
  const [start, end = start] = nums as [number, number?];
  if (end! < start) throw new PortSpecError(`invalid ${what}: ${s}`);
  return [start, end!];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
