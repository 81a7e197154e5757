/**
 * A revision: what one successful `up` (or `rollback`) left running — the canonical model, the
 * image id every service ran, when, and by which command. Encoded as base64 of gzipped JSON so
 * it fits in one engine label (see revision-store.ts).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { stableStringify } from '../model/config-hash.js';
import type { Project } from '../model/project.js';

export const REVISION_FORMAT = 1 as const;
/** Revisions kept per project; older ones are removed when a new one is recorded. */
export const KEEP_REVISIONS = 20;

export interface Revision {
  formatVersion: typeof REVISION_FORMAT;
  project: string;
  number: number;
  time: string; // RFC 3339
  command: string;
  kind: 'up' | 'rollback';
  /** For a rollback: the revision it returned to. */
  rollbackTo?: number;
  model: Project;
  workingDir: string;
  configFiles: string[];
  /** Service → the image id its containers ran (or the id its image resolved to, without containers). */
  images: Record<string, string>;
  /** Services whose containers this revision created, recreated or removed. */
  changed: string[];
  /** sha256 of model + images: equal digests are the same deployed state. */
  digest: string;
}

export function revisionDigest(model: Project, images: Record<string, string>): string {
  return 'sha256:' + createHash('sha256').update(stableStringify({ model, images })).digest('hex');
}

// node:zlib loads on first use: most runs (a no-op up, ps, logs) never encode or decode a revision.
const zlib = (): typeof import('node:zlib') => createRequire(import.meta.url)('node:zlib');

export function encodeRevision(r: Revision): string {
  return zlib().gzipSync(Buffer.from(JSON.stringify(r), 'utf8')).toString('base64');
}

/** Throws on anything that is not a revision this version understands. */
export function decodeRevision(text: string): Revision {
  const r = JSON.parse(zlib().gunzipSync(Buffer.from(text, 'base64')).toString('utf8')) as Revision;
  if (r?.formatVersion !== REVISION_FORMAT) throw new Error(`unsupported revision format ${String(r?.formatVersion)}`);
  if (!Number.isInteger(r.number) || r.number < 1 || typeof r.project !== 'string' || !r.model?.services) {
    throw new Error('not a revision');
  }
  return r;
}

/** Numbers to drop so that `keep` revisions remain, the newest kept. */
export function revisionsToPrune(numbers: number[], keep = KEEP_REVISIONS): number[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  return sorted.slice(0, Math.max(0, sorted.length - keep));
}
