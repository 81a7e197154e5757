/** Relative paths against the project directory and `~` against HOME, as compose-go's `paths/` does. */
import path from 'node:path';
import type { CanonContext } from './table.js';

export function expandUser(p: string, home: string): string {
  return p.startsWith('~') ? path.join(home, p.slice(1)) : p;
}

/** `absPath`: `~` expanded, relative joined to the project directory, "" kept. */
export function absPath(p: string, c: CanonContext): string {
  if (!c.resolvePaths) return p;
  const expanded = expandUser(p, c.home);
  if (path.isAbsolute(expanded) || expanded === '') return expanded;
  return path.join(c.workingDir, expanded);
}

/** `maybeUnixPath`: like absPath, but Windows absolute paths (`C:\…`, `\\host\…`) are left alone. */
export function absHostPath(p: string, c: CanonContext): string {
  if (/^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\')) return p;
  return absPath(p, c);
}

/** Build contexts: URLs, git references and `service:` contexts are not paths. */
export function absContextPath(p: string, c: CanonContext): string {
  if (p.includes('://') || p.startsWith('service:')) return p;
  if (['https://', 'http://', 'git://', 'ssh://', 'github.com/', 'git@'].some((x) => p.startsWith(x))) return p;
  return absPath(p, c);
}

/** Go's `path.Clean` for container paths (always `/`-separated). */
export function cleanTarget(target: string): string {
  return target === '' ? '' : path.posix.normalize(target).replace(/(.)\/$/, '$1');
}
