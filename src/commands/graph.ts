/** `ncompose graph`: the service dependency graph as mermaid or Graphviz dot. */
import type { GlobalArgs } from '../cli/global-options.js';
import type { Io } from '../cli/io.js';
import type { Project } from '../model/project.js';
import { serviceEdges, type ServiceEdge } from '../planner/graph.js';
import { loadOrFail } from './load-or-fail.js';

export async function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as GlobalArgs & { format?: 'mermaid' | 'dot' };
  const { project } = loadOrFail(args, io);
  io.out(args.format === 'dot' ? renderDot(project) : renderMermaid(project));
  return 0;
}

/** The edge label: the depends_on condition, else the attribute that makes the edge. */
function edgeLabel(e: ServiceEdge): string {
  if (e.kind !== 'depends_on') return e.kind;
  const d = e.dependency!;
  return d.condition + (d.required ? '' : ', optional') + (d.restart ? ', restart' : '');
}

/** Arrows point from a service to what it needs. Node ids are indices: names may hold `-` or `.`. */
export function renderMermaid(project: Project): string {
  const names = Object.keys(project.services).sort();
  const id = new Map(names.map((n, i) => [n, `s${i}`]));
  const lines = ['flowchart TD'];
  for (const n of names) lines.push(`  ${id.get(n)}["${n.replace(/"/g, '#quot;')}"]`);
  for (const e of serviceEdges(project)) {
    if (!id.has(e.to)) continue;
    lines.push(`  ${id.get(e.from)} -->|${edgeLabel(e)}| ${id.get(e.to)}`);
  }
  return lines.join('\n') + '\n';
}

export function renderDot(project: Project): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [`digraph ${q(project.name)} {`, '  rankdir=TB;', '  node [shape=box];'];
  for (const n of Object.keys(project.services).sort()) lines.push(`  ${q(n)};`);
  for (const e of serviceEdges(project)) {
    if (!project.services[e.to]) continue;
    const style = e.kind === 'depends_on' ? '' : ', style=dashed';
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(edgeLabel(e))}${style}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
