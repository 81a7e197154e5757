/**
 * The project a history/rollback command acts on. With `-p NAME` (or COMPOSE_PROJECT_NAME) no compose file is needed
 * (a rollback must work when the current file is broken); otherwise the file names it.
 */
import type { GlobalArgs } from '../cli/global-options.js';
import type { Io } from '../cli/io.js';
import type { Engine } from '../engine/engine.js';
import { loadOrFail } from '../commands/load-or-fail.js';

export interface ProjectTarget {
  name: string;
  engine: Engine;
}

export async function openProjectTarget(args: GlobalArgs, io: Io): Promise<ProjectTarget> {
  // The precedence compose uses: -p, then COMPOSE_PROJECT_NAME, then the files (name:, directory).
  const name = args['project-name'] || io.env.COMPOSE_PROJECT_NAME || loadOrFail(args, io).project.name;
  const { connectEngine } = await import('../engine/docker-engine.js');
  const engine = connectEngine(io.env);
  // The revision store falls back to local files when the engine fails: an unreachable one must stop here.
  await engine.ping();
  return { name, engine };
}
