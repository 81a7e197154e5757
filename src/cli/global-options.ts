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
    .option('file', { alias: 'f', type: 'string', array: true, requiresArg: true, describe: 'Compose configuration files' })
    .option('project-name', { alias: 'p', type: 'string', requiresArg: true, describe: 'Project name' })
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
