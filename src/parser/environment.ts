/**
 * The interpolation environment: `--env-file` files (several, later wins) or `.env` in the
 * project directory, then the OS environment on top (compose-go cli WithOsEnv + WithDotEnv).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { loadEnvFile, type DotenvError } from './dotenv.js';
import type { LoadContext, LoadOptions } from './types.js';

export { readEnvFile, loadEnvFile, parseDotenv, DotenvFileError, type DotenvError, type DotenvResult } from './dotenv.js';

export function buildEnvironment(options: LoadOptions, ctx: LoadContext): Record<string, string> {
  const os = osEnvironment(options);
  const files = envFilesFor(options, ctx, os);
  const fromFiles: Record<string, string> = Object.create(null);
  for (const file of files) {
    const r = loadEnvFile(file, (k) => os[k] ?? own(fromFiles, k), fromFiles);
    for (const u of r.unset) {
      ctx.report({ code: 'interpolation_unset', severity: 'warning', message: unsetMessage(u.name), range: { file: display(file, options), line: u.line, col: 1 } });
    }
    if (r.error) {
      reportEnvFileError(ctx, file, r.error, options);
      break;
    }
  }
  // OS environment wins over the files.
  const env: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(fromFiles)) env[k] = v;
  for (const [k, v] of Object.entries(os)) env[k] = v;
  return env;
}

export function unsetMessage(name: string): string {
  return `The "${name}" variable is not set. Defaulting to a blank string.`;
}

/** The process environment (or `options.env`) without its unset entries. */
export function osEnvironment(options: LoadOptions = {}): Record<string, string> {
  const env: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(options.env ?? process.env)) if (v !== undefined) env[k] = v;
  return env;
}

/** Explicit `--env-file`s (relative to cwd), else `.env` in the project directory if it is a file. */
function envFilesFor(options: LoadOptions, ctx: LoadContext, os: Record<string, string>): string[] {
  const cwd = options.cwd ?? process.cwd();
  if (options.envFiles?.length) return options.envFiles.map((f) => path.resolve(cwd, f));
  const disable = os['COMPOSE_DISABLE_ENV_FILE'];
  if (disable !== undefined) {
    const b = parseGoBool(disable);
    if (b === undefined) ctx.report({ code: 'env_file_invalid', message: `COMPOSE_DISABLE_ENV_FILE: invalid boolean ${JSON.stringify(disable)}` });
    if (b !== false) return [];
  }
  const dotEnv = path.join(ctx.workingDir, '.env');
  try {
    return statSync(dotEnv).isDirectory() ? [] : [dotEnv];
  } catch {
    return [];
  }
}

function reportEnvFileError(ctx: LoadContext, file: string, error: DotenvError, options: LoadOptions): void {
  const code = error.kind === 'not_found' ? 'env_file_not_found' : error.kind === 'interpolation' ? 'env_file_interpolation' : 'env_file_invalid';
  const range = error.line !== undefined ? { file: display(file, options), line: error.line, col: 1 } : undefined;
  const message = error.kind === 'not_found' || error.kind === 'is_directory' ? error.message : `failed to read ${file}: ${error.message}`;
  ctx.report({ code, message, range });
}

function own(map: Record<string, string>, k: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(map, k) ? map[k] : undefined;
}

function display(file: string, options: LoadOptions): string {
  const rel = path.relative(options.cwd ?? process.cwd(), file);
  return rel && !rel.startsWith('..') && rel.length < file.length ? rel : file;
}

/** Go's strconv.ParseBool. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}
