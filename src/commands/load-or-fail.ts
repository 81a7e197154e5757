/** Load the project for a command: warnings to stderr, errors as one NcomposeError (exit 1). */
import { NcomposeError, formatDiagnostic, hasErrors, sortDiagnostics } from '../diagnostics.js';
import type { GlobalArgs } from '../cli/global-options.js';
import { loadOptionsFrom } from '../cli/global-options.js';
import type { Io } from '../cli/io.js';
import { loadProject, type LoadResult } from '../parser/load.js';
import type { LoadOptions } from '../parser/types.js';
import type { Project, ProjectMeta } from '../model/project.js';

export interface Loaded extends LoadResult {
  project: Project;
  meta: ProjectMeta;
}

export function loadOrFail(args: GlobalArgs, io: Io, services: string[] = [], extra: Partial<LoadOptions> = {}): Loaded {
  const result = loadProject({ ...loadOptionsFrom(args, io, services), ...extra });
  const diags = sortDiagnostics(result.diagnostics);
  if (hasErrors(diags) || !result.project || !result.meta) {
    throw new NcomposeError('', diags);
  }
  for (const d of diags) io.err(formatDiagnostic(d) + '\n');
  return result as Loaded;
}
