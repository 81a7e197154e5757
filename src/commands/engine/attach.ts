/**
 * Foreground `up`: follow the logs of the attached services until Ctrl-C (then stop the project's
 * containers), until every container has exited, or with --abort-on-container-exit until the first
 * exits. The exit code is --exit-code-from's container's, else that of the first to exit non-zero.
 */
import type { Io } from '../../cli/io.js';
import { NcomposeError } from '../../diagnostics.js';
import type { ContainerSummary } from '../../engine/engine.js';
import type { Plan } from '../../planner/plan-types.js';
import { logPrefixes, printLogs } from './log-printer.js';
import { projectContainers, type Session } from './session.js';

export interface AttachArgs {
  'abort-on-container-exit'?: boolean;
  'exit-code-from'?: string;
  attach?: string[];
  'log-prefix'?: boolean;
  timeout?: number;
  services?: string[];
}

export async function attachForeground(s: Session, plan: Plan, io: Io, args: AttachArgs): Promise<number> {
  const from = args['exit-code-from'];
  if (from && !s.project.services[from]) throw new NcomposeError(`--exit-code-from ${from}: no such service`, [], 2);
  const inPlan = new Set(plan.actions.filter((a) => a.type === 'container' && a.action !== 'remove').map((a) => a.service));
  const all = (await projectContainers(s, { all: true })).filter((c) => inPlan.has(c.labels['com.docker.compose.service']));
  const shown = all.filter((c) => attached(s, c, args.attach));
  const prefixes = logPrefixes(shown, io, { prefix: args['log-prefix'] !== false });
  const abort = new AbortController();
  const logs = shown.map((c) => printLogs(s.engine, c, prefixes.get(c.id)!, io, { follow: true, tty: ttyOf(s, c), signal: abort.signal, since: 0 }));
  const exits = new Map<string, number>();
  const abortOnExit = Boolean(args['abort-on-container-exit'] || from);
  let onSignal = () => {};
  const outcome = await new Promise<'interrupted' | 'exited'>((resolve) => {
    onSignal = () => resolve('interrupted');
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    // Containers already done when we attach (one-shots) report their code but abort nothing.
    const watched = all.filter((c) => c.state === 'running' || c.labels['com.docker.compose.service'] === from);
    let left = watched.length;
    if (!left) resolve('exited');
    for (const c of all) {
      const isWatched = watched.includes(c);
      s.engine.waitContainer(c.id).then((code) => {
        exits.set(c.id, code);
        if (!isWatched) return;
        io.err(`${c.name} exited with code ${code}\n`);
        if (abortOnExit || --left === 0) resolve('exited');
      }, () => undefined);
    }
  });
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  if (outcome === 'interrupted' || abortOnExit) {
    io.err(outcome === 'interrupted' ? 'Gracefully stopping... (press Ctrl+C again to force)\n' : 'Aborting on container exit...\n');
    await Promise.all(all.map((c) => s.engine.stopContainer(c.id, args.timeout).catch(() => undefined)));
  }
  abort.abort();
  await Promise.allSettled(logs);
  return exitCode(all, exits, from, outcome);
}

function attached(s: Session, c: ContainerSummary, only: string[] | undefined): boolean {
  const svc = c.labels['com.docker.compose.service'] ?? '';
  if (only?.length) return only.includes(svc);
  return s.project.services[svc]?.attach !== false;
}

function ttyOf(s: Session, c: ContainerSummary): boolean {
  return Boolean(s.project.services[c.labels['com.docker.compose.service'] ?? '']?.tty);
}

function exitCode(all: ContainerSummary[], exits: Map<string, number>, from: string | undefined, outcome: string): number {
  if (from) {
    const c = all.find((x) => x.labels['com.docker.compose.service'] === from && exits.has(x.id));
    return c ? exits.get(c.id)! : 1;
  }
  if (outcome === 'interrupted') return 130;
  return [...exits.values()].find((code) => code !== 0) ?? 0;
}
