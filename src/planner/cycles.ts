/** Dependency cycles: one diagnostic per cycle, naming every edge with the file:line that declares it. */
import { formatLocation, type Diagnostic, type SourceRange } from '../diagnostics.js';
import type { ServiceEdge } from './graph.js';

export type Locate = (path: string[]) => SourceRange | undefined;

export function cycleDiagnostic(cycle: ServiceEdge[], locate?: Locate): Diagnostic {
  const names = [...cycle.map((e) => e.from), cycle[0].from];
  const where = cycle.map((e) => {
    const loc = formatLocation(locate?.(e.path));
    return `${e.from} → ${e.to} (${e.kind}${loc ? ' at ' + loc : ''})`;
  });
  return {
    code: 'dependency_cycle',
    severity: 'error',
    message: `dependency cycle: ${names.join(' → ')}: ${where.join(', ')}`,
    path: cycle[0].path.join('.'),
    range: locate?.(cycle[0].path),
  };
}
