/**
 * Container logs with `service-N | ` prefixes, one colour per service, container stdout to our
 * stdout and container stderr to our stderr (demuxed by the engine port), whole lines only.
 */
import { Chalk } from 'chalk';
import type { Io } from '../../cli/io.js';
import { useColor } from '../../cli/io.js';
import type { ContainerSummary, Engine, LogsOptions } from '../../engine/engine.js';
import { createLineSplitter } from '../../engine/stream-demux.js';

const COLOURS = ['cyan', 'yellow', 'green', 'magenta', 'blue', 'red', 'cyanBright', 'yellowBright', 'greenBright', 'magentaBright'] as const;

export interface LogPrinterOptions {
  prefix: boolean;
  color: boolean;
}

export function logPrefixes(containers: ContainerSummary[], io: Io, opts: Partial<LogPrinterOptions> = {}): Map<string, string> {
  const chalk = new Chalk({ level: (opts.color ?? useColor(io)) ? 1 : 0 });
  const names = containers.map((c) => prefixName(c));
  const width = Math.max(0, ...names.map((n) => n.length));
  const services = [...new Set(containers.map((c) => c.labels['com.docker.compose.service'] ?? ''))].sort();
  const out = new Map<string, string>();
  containers.forEach((c, i) => {
    if (opts.prefix === false) return out.set(c.id, '');
    const colour = COLOURS[services.indexOf(c.labels['com.docker.compose.service'] ?? '') % COLOURS.length]!;
    out.set(c.id, chalk[colour](`${names[i]!.padEnd(width)} | `));
  });
  return out;
}

/** `web-1`, as compose prefixes lines; a container_name is used as is. */
function prefixName(c: ContainerSummary): string {
  const svc = c.labels['com.docker.compose.service'];
  const n = c.labels['com.docker.compose.container-number'];
  const project = c.labels['com.docker.compose.project'];
  return svc && n && c.name === `${project}-${svc}-${n}` ? `${svc}-${n}` : c.name;
}

/** Streams one container's logs until they end (or `signal` aborts a follow). */
export async function printLogs(engine: Engine, c: ContainerSummary, prefix: string, io: Io, opts: LogsOptions): Promise<void> {
  const out = createLineSplitter((l) => io.out(prefix + l + '\n'));
  const err = createLineSplitter((l) => io.err(prefix + l + '\n'));
  await engine.logs(c.id, opts, (stream, text) => (stream === 'stderr' ? err : out).push(Buffer.from(text)));
  out.flush();
  err.flush();
}
