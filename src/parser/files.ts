/** Stage 1: which compose files, and the project directory (`-f`, COMPOSE_FILE, discovery upward). */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, LoadOptions } from './types.js';

export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
export const DEFAULT_OVERRIDE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

export interface ResolvedFiles {
  files: string[];
  workingDir: string;
}

export function resolveFiles(options: LoadOptions, ctx: LoadContext): ResolvedFiles | undefined {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const projectDir = options.projectDirectory ? path.resolve(cwd, options.projectDirectory) : undefined;
  let files = options.files?.length ? options.files : fromComposeFileEnv(env);
  if (files?.length) {
    const abs = files.map((f) => path.resolve(cwd, f));
    for (const f of abs) {
      if (options.overrides?.[f] === undefined && !isFile(f)) {
        ctx.report({ code: 'file_not_found', message: `compose file not found: ${f}` });
        return undefined;
      }
    }
    return { files: abs, workingDir: projectDir ?? path.dirname(abs[0]!) };
  }
  const found = discover(projectDir ?? cwd);
  if (!found) {
    ctx.report({
      code: 'file_not_found',
      message: `no configuration file provided: not found (looked for ${DEFAULT_FILE_NAMES.join(', ')} in ${projectDir ?? cwd} and its parents)`,
    });
    return undefined;
  }
  files = found;
  return { files, workingDir: projectDir ?? path.dirname(files[0]!) };
}

function fromComposeFileEnv(env: Record<string, string | undefined>): string[] | undefined {
  const v = env.COMPOSE_FILE;
  if (!v) return undefined;
  const sep = env.COMPOSE_PATH_SEPARATOR || path.delimiter;
  return v.split(sep).filter(Boolean);
}

/** The first directory from `start` upward holding a compose file; its override file comes along. */
export function discover(start: string): string[] | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const base = DEFAULT_FILE_NAMES.map((n) => path.join(dir, n)).find(isFile);
    if (base) {
      const override = DEFAULT_OVERRIDE_NAMES.map((n) => path.join(dir, n)).find(isFile);
      return override ? [base, override] : [base];
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function isFile(p: string): boolean {
  try {
    return existsSync(p) && statSync(p).isFile();
  } catch {
    return false;
  }
}
