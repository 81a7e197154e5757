import { findCycles } from '../../model/cycles.js';
import { defineRule } from '../types.js';
import { serviceEdges, type Edge } from './_graph.js';
import { services } from './_util.js';

export default defineRule({
  name: 'no-dependency-cycles',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'Services must not depend on each other in a cycle (depends_on, links, `service:` references, volumes_from): compose cannot order them.' },
    messages: { cycle: 'dependency cycle: {{cycle}}' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const edges = new Map<string, Edge[]>();
    for (const s of services(ctx)) edges.set(s.name, serviceEdges(s).filter((e) => e.to !== ''));
    // The loader's finder: lint and `config` name the same cycles.
    for (const { members, edges: cycle } of findCycles(edges, (e) => e.to)) {
      const first = cycle[0]!;
      const names = [...members, members[0]].join(' -> ');
      ctx.report({ messageId: 'cycle', data: { cycle: names }, path: first.path, atKey: first.atKey, service: first.from });
    }
  },
});
