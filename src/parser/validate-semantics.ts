// PLACEHOLDER (replaced by the validation work).
import type { Project, ServiceConfig } from '../model/project.js';
import type { LoadContext } from './types.js';
export function validateSemantics(_project: Project, _ctx: LoadContext, _disabled: Record<string, ServiceConfig>): void {}
