/** The flags every command shares, named as `docker compose` names them. */
import type { Argv } from 'yargs';
import type { LoadOptions } from '../parser/types.js';
import type { Io } from './io.js';

export interface GlobalArgs {
  file?: string[];
  'project-name'?: string;
  'project-directory'?: string;
  profile?: string[];
  'env-file'?: string[];
  debug?: boolean;
}

export function globalOptions<T>(y: Argv<T>) {
  return y
    .option('file', { type: 'string', array: true, requiresArg: true, describe: 'Compose configuration files (-f)' })
    .option('project-name', { type: 'string', requiresArg: true, describe: 'Project name (-p)' })
    .option('project-directory', { type: 'string', requiresArg: true, describe: 'Alternate working directory (default: the first file\'s directory)' })
    .option('profile', { type: 'string', array: true, requiresArg: true, describe: 'Profiles to enable' })
    .option('env-file', { type: 'string', array: true, requiresArg: true, describe: 'Alternate environment files' })
    .option('debug', { type: 'boolean', describe: 'Print stack traces and engine calls' });
}

/** Loader options from the global flags; COMPOSE_PROFILES applies when --profile is not given. */
export function loadOptionsFrom(args: GlobalArgs, io: Io, services: string[] = []): LoadOptions {
  const envProfiles = io.env.COMPOSE_PROFILES?.split(',').map((s) => s.trim()).filter(Boolean);
  return {
    files: args.file,
    projectName: args['project-name'],
    projectDirectory: args['project-directory'],
    profiles: args.profile?.length ? args.profile.flatMap((p) => p.split(',')) : envProfiles,
    envFiles: args['env-file'],
    services,
    env: io.env,
    cwd: io.cwd,
  };
}

const GLOBAL_SHORT: Record<string, string> = { '-f': '--file', '-p': '--project-name' };
const EXEC_WITH_VALUE = new Set(['--index', '-u', '--user', '-w', '--workdir', '-e', '--env']);
const GLOBAL_WITH_VALUE = new Set(['-f', '-p', '--file', '--project-name', '--project-directory', '--profile', '--env-file']);

/**
 * `-f FILE` and `-p NAME` as docker compose reads them: before the command always; after it too,
 * except in commands whose own short flag it is (`logs -f` follows, `rm -f` forces).
 */
export function expandGlobalShortFlags(argv: string[], localShort: Record<string, string[]>): string[] {
  const out: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (command === 'exec' && !a.startsWith('-') && !EXEC_WITH_VALUE.has(out[out.length - 1]!)) {
      // `exec SERVICE CMD ARGS…`: everything after the service is the command's, flags included.
      const rest = argv.slice(i + 1);
      out.push(a, ...(rest.length && rest[0] !== '--' ? ['--'] : []), ...rest);
      break;
    }
    const [flag, inline] = a.startsWith('-') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const long = GLOBAL_SHORT[flag];
    const shadowed = command !== undefined && (localShort[command] ?? []).includes(flag.slice(1));
    if (long && !shadowed) {
      out.push(inline !== undefined ? `${long}=${inline}` : long);
    } else {
      out.push(a);
    }
    if (command === undefined && !a.startsWith('-')) command = a;
    else if (command === undefined && inline === undefined && GLOBAL_WITH_VALUE.has(flag) && i + 1 < argv.length) out.push(argv[++i]!);
  }
  return out;
}
