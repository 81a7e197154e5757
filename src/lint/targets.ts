/** `ncompose lint PATH…`: files as given; directories searched (recursively, sorted) for compose files. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The pre-commit `files:` pattern, applied to a base name. */
export const COMPOSE_FILE_NAME = /^(docker-)?compose[^/]*\.ya?ml$/;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'vendor']);
const MAX_DEPTH = 32;

export interface Targets {
  files: string[];
  /** Paths that do not exist or cannot be read. */
  missing: string[];
}

export function resolveTargets(paths: readonly string[], cwd: string): Targets {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) files.push(...findComposeFiles(abs, 0));
    else files.push(abs);
  }
  return { files: [...new Set(files)], missing };
}

function findComposeFiles(dir: string, depth: number): string[] {
  if (depth > MAX_DEPTH) return [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    if (e.isFile() && COMPOSE_FILE_NAME.test(e.name)) out.push(path.join(dir, e.name));
  }
  for (const e of entries) {
    if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) out.push(...findComposeFiles(path.join(dir, e.name), depth + 1));
  }
  return out;
}
