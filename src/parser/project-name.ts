/** Stage 8: the project name, `-p` > COMPOSE_PROJECT_NAME > `name:` > directory, normalized as compose does. */
import path from 'node:path';
import type { LoadContext, LoadOptions, RawMap } from './types.js';

const VALID = /^[a-z0-9][a-z0-9_-]*$/;

/** Lower-case and drop every character compose does not allow (compose-go NormalizeProjectName). */
export function normalizeProjectName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[_-]+/, '');
}

export function resolveProjectName(options: LoadOptions, raw: RawMap, ctx: LoadContext): string {
  const env = options.env ?? process.env;
  const explicit = options.projectName ?? env.COMPOSE_PROJECT_NAME ?? ctx.environment.COMPOSE_PROJECT_NAME;
  if (explicit) {
    if (!VALID.test(explicit)) {
      ctx.report({
        code: 'project_name_invalid',
        message: `invalid project name "${explicit}": must contain only lowercase letters, digits, dashes and underscores, and start with a letter or digit`,
      });
    }
    return explicit;
  }
  if (typeof raw.name === 'string' && raw.name !== '') {
    if (!VALID.test(raw.name)) {
      ctx.report({ code: 'project_name_invalid', path: ['name'], message: `invalid project name "${raw.name}": must contain only lowercase letters, digits, dashes and underscores, and start with a letter or digit` });
    }
    return raw.name;
  }
  const fromDir = normalizeProjectName(path.basename(ctx.workingDir));
  if (!fromDir) {
    ctx.report({ code: 'project_name_empty', message: `project name derived from "${ctx.workingDir}" is empty; use -p or "name:"` });
  }
  return fromDir;
}
