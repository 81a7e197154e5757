/**
 * Who holds a project lock, as labels on the lock container, and whether that holder is dead.
 * A holder is judged only on its own host: same hostname and same boot, and then its pid must be
 * alive with the same start time (a reused pid is a different process).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export const LOCK_LABELS = {
  project: 'ncompose.lock.project',
  host: 'ncompose.lock.host',
  bootId: 'ncompose.lock.boot-id',
  pid: 'ncompose.lock.pid',
  pidStart: 'ncompose.lock.pid-start',
  command: 'ncompose.lock.command',
  since: 'ncompose.lock.since',
} as const;

export interface LockHolder {
  host: string;
  bootId: string;
  pid: number;
  /** The process start time in clock ticks since boot (/proc/<pid>/stat field 22); '' when unknown. */
  pidStart: string;
  command: string;
  since: string; // RFC 3339
}

/** The facts of this host the liveness check needs; injected so tests can play another host. */
export interface HostProbe {
  hostname(): string;
  bootId(): string;
  /** undefined = no such process. */
  processStart(pid: number): string | undefined;
}

export const localHost: HostProbe = {
  hostname: () => os.hostname(),
  bootId: () => readText('/proc/sys/kernel/random/boot_id'),
  processStart(pid) {
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') return undefined;
    }
    const stat = readText(`/proc/${pid}/stat`);
    if (!stat) return '';
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' || fields[0] === 'X' ? undefined : (fields[19] ?? '');
  },
};

export function currentHolder(command: string, probe: HostProbe = localHost, now = new Date()): LockHolder {
  return {
    host: probe.hostname(),
    bootId: probe.bootId(),
    pid: process.pid,
    pidStart: probe.processStart(process.pid) ?? '',
    command,
    since: now.toISOString(),
  };
}

export function holderLabels(project: string, h: LockHolder): Record<string, string> {
  return {
    [LOCK_LABELS.project]: project,
    [LOCK_LABELS.host]: h.host,
    [LOCK_LABELS.bootId]: h.bootId,
    [LOCK_LABELS.pid]: String(h.pid),
    [LOCK_LABELS.pidStart]: h.pidStart,
    [LOCK_LABELS.command]: h.command,
    [LOCK_LABELS.since]: h.since,
  };
}

export function holderFromLabels(labels: Record<string, string>): LockHolder {
  return {
    host: labels[LOCK_LABELS.host] ?? '',
    bootId: labels[LOCK_LABELS.bootId] ?? '',
    pid: Number(labels[LOCK_LABELS.pid] ?? NaN),
    pidStart: labels[LOCK_LABELS.pidStart] ?? '',
    command: labels[LOCK_LABELS.command] ?? '',
    since: labels[LOCK_LABELS.since] ?? '',
  };
}

/** Dead = provably gone: same host, and either another boot, or no such pid, or a reused pid. */
export function isHolderDead(h: LockHolder, probe: HostProbe = localHost): boolean {
  if (!h.host || h.host !== probe.hostname()) return false;
  if (h.bootId && probe.bootId() && h.bootId !== probe.bootId()) return true;
  if (!Number.isInteger(h.pid) || h.pid <= 0) return false;
  const start = probe.processStart(h.pid);
  if (start === undefined) return true;
  return Boolean(h.pidStart && start && h.pidStart !== start);
}

export function describeHolder(h: LockHolder): string {
  const cmd = h.command ? `\`${h.command}\`` : 'an unknown command';
  return `${cmd} (pid ${h.pid} on ${h.host || 'an unknown host'}) since ${h.since || 'an unknown time'}`;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}
