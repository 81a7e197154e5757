/**
 * Where revisions live. On the engine: one volume per revision, `<project>_ncompose-rev-<N>`,
 * whose labels carry the encoded revision, so every client of the engine sees the same history.
 * Without the compose project label: neither `docker compose` nor ncompose's observe counts them
 * as project volumes. When the engine refuses, a local fallback: files under
 * $XDG_STATE_HOME/ncompose/<project>/ (default ~/.local/state). Reads merge both.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Engine } from '../engine/engine.js';
import { decodeRevision, encodeRevision, type Revision } from './revision.js';

export const REVISION_LABELS = {
  project: 'ncompose.revision.project',
  number: 'ncompose.revision.number',
  time: 'ncompose.revision.time',
  digest: 'ncompose.revision.digest',
  data: 'ncompose.revision.data',
} as const;

export type RevisionEngine = Pick<Engine, 'listVolumes' | 'createVolume' | 'removeVolume'>;

export interface RevisionStore {
  /** Every readable revision, oldest first. */
  list(): Promise<Revision[]>;
  save(r: Revision): Promise<void>;
  remove(numbers: number[]): Promise<void>;
}

export function revisionVolumeName(project: string, n: number): string {
  return `${project}_ncompose-rev-${n}`;
}

export function engineRevisionStore(engine: RevisionEngine, project: string): RevisionStore {
  return {
    async list() {
      const vols = await engine.listVolumes({ labels: [`${REVISION_LABELS.project}=${project}`] });
      return sortRevisions(vols.flatMap((v) => readable(v.labels[REVISION_LABELS.data] ?? '', project)));
    },
    async save(r) {
      await engine.createVolume({
        Name: revisionVolumeName(project, r.number),
        Labels: {
          [REVISION_LABELS.project]: project,
          [REVISION_LABELS.number]: String(r.number),
          [REVISION_LABELS.time]: r.time,
          [REVISION_LABELS.digest]: r.digest,
          [REVISION_LABELS.data]: encodeRevision(r),
        },
      });
    },
    async remove(numbers) {
      await Promise.all(numbers.map((n) => engine.removeVolume(revisionVolumeName(project, n), true)));
    },
  };
}

export function localStateDir(env: Record<string, string | undefined>, project: string): string {
  const base = env.XDG_STATE_HOME || path.join(env.HOME || os.homedir(), '.local', 'state');
  return path.join(base, 'ncompose', project);
}

export function localRevisionStore(dir: string, project: string): RevisionStore {
  const file = (n: number) => path.join(dir, `rev-${n}.b64`);
  return {
    async list() {
      let names: string[];
      try {
        names = readdirSync(dir).filter((f) => /^rev-\d+\.b64$/.test(f));
      } catch {
        return [];
      }
      return sortRevisions(names.flatMap((f) => readable(readFileSync(path.join(dir, f), 'utf8'), project)));
    },
    async save(r) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file(r.number), encodeRevision(r));
    },
    async remove(numbers) {
      for (const n of numbers) rmSync(file(n), { force: true });
    },
  };
}

/** The engine store first, the local one when the engine fails; reads merge (the engine wins). */
export function combinedRevisionStore(primary: RevisionStore, fallback: RevisionStore, warn: (m: string) => void): RevisionStore {
  return {
    async list() {
      const [a, b] = await Promise.all([primary.list().catch(failed(warn, 'read')), fallback.list()]);
      const byNumber = new Map<number, Revision>();
      for (const r of [...b, ...a]) byNumber.set(r.number, r);
      return sortRevisions([...byNumber.values()]);
    },
    async save(r) {
      try {
        await primary.save(r);
      } catch (e) {
        warn(`cannot store revision ${r.number} on the engine (${(e as Error).message}): kept locally instead`);
        await fallback.save(r);
      }
    },
    async remove(numbers) {
      await Promise.all([primary.remove(numbers).catch(failed(warn, 'remove')), fallback.remove(numbers)]);
    },
  };
}

function failed(warn: (m: string) => void, what: string) {
  return (e: Error): Revision[] => {
    warn(`cannot ${what} revisions on the engine: ${e.message}`);
    return [];
  };
}

/** Unreadable or foreign entries are skipped, never fatal: history must always list. */
function readable(text: string, project: string): Revision[] {
  try {
    const r = decodeRevision(text);
    return r.project === project ? [r] : [];
  } catch {
    return [];
  }
}

function sortRevisions(rs: Revision[]): Revision[] {
  return [...rs].sort((a, b) => a.number - b.number);
}
