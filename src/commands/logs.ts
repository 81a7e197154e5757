/** `ncompose logs`: every container's output with coloured `service-N |` prefixes; -f follows. */
import type { GlobalArgs } from '../cli/global-options.js';
import type { Io } from '../cli/io.js';
import { NcomposeError } from '../diagnostics.js';
import { logPrefixes, printLogs } from './engine/log-printer.js';
import { openSession, projectContainers } from './engine/session.js';

interface LogsArgs extends GlobalArgs {
  services?: string[];
  follow?: boolean;
  tail?: string;
  timestamps?: boolean;
  since?: string;
  'log-prefix'?: boolean;
  color?: boolean;
}

export async function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as LogsArgs;
  const s = await openSession(args, io);
  const list = await projectContainers(s, { all: true, services: args.services });
  const tail = args.tail === undefined || args.tail === 'all' ? 'all' : Number(args.tail);
  if (tail !== 'all' && !Number.isInteger(tail)) throw new NcomposeError(`--tail ${args.tail}: expected a number or "all"`, [], 2);
  const prefixes = logPrefixes(list, io, { prefix: args['log-prefix'] !== false, color: args.color === false ? false : undefined });
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  try {
    await Promise.all(
      list.map((c) =>
        printLogs(s.engine, c, prefixes.get(c.id)!, io, {
          follow: Boolean(args.follow), tail, timestamps: Boolean(args.timestamps), since: sinceOf(args.since),
          tty: Boolean(s.project.services[c.labels['com.docker.compose.service'] ?? '']?.tty), signal: abort.signal,
        }),
      ),
    );
  } finally {
    process.removeListener('SIGINT', stop);
  }
  return 0;
}

/** `--since 10m` (relative), a unix time, or an RFC 3339 date → what the engine takes. */
export function sinceOf(v: string | undefined, now = Date.now()): string | number | undefined {
  if (!v) return undefined;
  const rel = /^(\d+(?:\.\d+)?)(s|m|h)$/.exec(v);
  if (rel) return Math.floor(now / 1000 - Number(rel[1]) * ({ s: 1, m: 60, h: 3600 } as const)[rel[2] as 's' | 'm' | 'h']);
  if (/^\d+(\.\d+)?$/.test(v)) return v;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new NcomposeError(`--since ${v}: expected a duration (10m), a unix time or a date`, [], 2);
  return Math.floor(t / 1000);
}
