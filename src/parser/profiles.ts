// PLACEHOLDER (replaced by the include/extends/merge work): every service active.
import type { Project, ServiceConfig } from '../model/project.js';
import type { LoadContext } from './types.js';
export function applyProfiles(project: Project, _ctx: LoadContext): { project: Project; disabled: Record<string, ServiceConfig> } {
  return { project, disabled: {} };
}
