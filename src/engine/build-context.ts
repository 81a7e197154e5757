/**
 * The build context as the Engine API wants it: a tar of the context directory without what
 * `.dockerignore` excludes (the Dockerfile and .dockerignore themselves are always sent).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import tar from 'tar-fs';

export function readDockerignore(context: string): string[] {
  const file = path.join(context, '.dockerignore');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.replace(/^\/+/, ''));
}

/** A predicate over context-relative paths (forward slashes): true = leave it out. */
export function contextFilter(patterns: string[], keep: string[]): (rel: string) => boolean {
  const ig = ignore().add(patterns);
  const kept = new Set(keep.map((k) => k.split(path.sep).join('/')));
  return (rel) => {
    const p = rel.split(path.sep).join('/');
    if (!p || p === '.') return false;
    if (kept.has(p)) return false;
    return ig.ignores(p);
  };
}

/** A tar stream of the context; an inline Dockerfile is added as `dockerfile` under a fixed name. */
export function packContext(context: string, dockerfile: string, inline?: string): NodeJS.ReadableStream {
  const skip = contextFilter(readDockerignore(context), [dockerfile, '.dockerignore']);
  const pack = tar.pack(context, {
    ignore: (name) => skip(path.relative(context, name)),
    finalize: inline === undefined,
    finish: (p) => {
      if (inline === undefined) return;
      p.entry({ name: INLINE_DOCKERFILE }, inline);
      p.finalize();
    },
  });
  return pack;
}

export const INLINE_DOCKERFILE = '.ncompose.inline.Dockerfile';
