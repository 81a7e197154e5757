/** `ncompose ps`: the project's containers as a table, JSON, ids or service names. */
import type { GlobalArgs } from '../cli/global-options.js';
import type { Io } from '../cli/io.js';
import type { ContainerSummary } from '../engine/engine.js';
import { openSession, projectContainers } from './engine/session.js';

interface PsArgs extends GlobalArgs {
  services?: string[];
  all?: boolean;
  quiet?: boolean;
  format?: string;
  status?: string[];
  'list-services'?: boolean;
}

export async function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as PsArgs;
  const s = await openSession(args, io);
  const statuses = args.status ?? [];
  const list = (await projectContainers(s, { all: Boolean(args.all) || statuses.length > 0, services: args.services })).filter(
    (c) => !statuses.length || statuses.includes(c.state),
  );
  if (args.quiet) io.out(list.map((c) => c.id + '\n').join(''));
  else if (args['list-services']) io.out([...new Set(list.map(serviceOf))].sort().map((x) => x + '\n').join(''));
  else if (args.format === 'json') io.out(JSON.stringify(list.map(toJson)) + '\n');
  else io.out(table(list));
  return 0;
}

function serviceOf(c: ContainerSummary): string {
  return c.labels['com.docker.compose.service'] ?? '';
}

function toJson(c: ContainerSummary) {
  return {
    ID: c.id, Name: c.name, Image: c.image, Project: c.labels['com.docker.compose.project'], Service: serviceOf(c),
    State: c.state, Health: c.health ?? '', Status: c.status, Created: c.created,
    Publishers: c.ports.map((p) => ({ URL: p.ip ?? '', TargetPort: p.privatePort, PublishedPort: p.publicPort ?? 0, Protocol: p.type })),
  };
}

export function formatPorts(c: ContainerSummary): string {
  return c.ports
    .map((p) => (p.publicPort ? `${p.ip ? (p.ip.includes(':') ? `[${p.ip}]` : p.ip) + ':' : ''}${p.publicPort}->${p.privatePort}/${p.type}` : `${p.privatePort}/${p.type}`))
    .filter((v, i, a) => a.indexOf(v) === i)
    .sort()
    .join(', ');
}

function table(list: ContainerSummary[]): string {
  const rows = [['NAME', 'IMAGE', 'SERVICE', 'STATUS', 'PORTS'], ...list.map((c) => [c.name, c.image, serviceOf(c), c.status, formatPorts(c)])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((v, i) => (i === r.length - 1 ? v : v.padEnd(widths[i]! + 3))).join('').trimEnd() + '\n').join('');
}
