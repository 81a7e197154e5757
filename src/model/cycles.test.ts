import { describe, expect, it } from 'vitest';
import { findCycles } from './cycles.js';

type E = { from: string; to: string };
const graph = (spec: Record<string, string[]>): Map<string, E[]> => new Map(Object.entries(spec).map(([from, tos]) => [from, tos.map((to) => ({ from, to }))]));
const names = (g: Map<string, E[]>, limit?: number) => findCycles(g, (e) => e.to, limit).map((c) => [...c.members, c.members[0]].join('>'));

describe('findCycles', () => {
  it.each([
    ['none', { a: ['b'], b: ['c'], c: [] }, []],
    ['a self-reference', { a: ['a'] }, ['a>a']],
    ['one cycle, met once whichever service starts it', { c: ['a'], a: ['b'], b: ['c'] }, ['a>b>c>a']],
    ['every distinct cycle of a component', { a: ['b'], b: ['c'], c: ['a', 'b'] }, ['a>b>c>a', 'b>c>b']],
    ['edges to unknown services are ignored', { a: ['ghost', 'b'], b: ['a'] }, ['a>b>a']],
    ['two components', { a: ['b'], b: ['a'], x: ['y'], y: ['x'] }, ['a>b>a', 'x>y>x']],
  ] as [string, Record<string, string[]>, string[]][])('%s', (_name, spec, want) => {
    expect(names(graph(spec))).toEqual(want);
  });

  it('each cycle is its edges from the service where the walk entered it', () => {
    const [c] = findCycles(graph({ a: ['b'], b: ['c'], c: ['b'] }), (e) => e.to);
    expect(c).toEqual({ members: ['b', 'c'], edges: [{ from: 'b', to: 'c' }, { from: 'c', to: 'b' }] });
  });

  it('stops at the limit, and walks a chain of 100 000 services without overflowing the stack', () => {
    const dense: Record<string, string[]> = {};
    for (let i = 0; i < 8; i++) dense[`s${i}`] = Array.from({ length: 8 }, (_, j) => `s${j}`);
    expect(names(graph(dense), 5)).toHaveLength(5);
    const chain: Record<string, string[]> = {};
    for (let i = 0; i < 100_000; i++) chain[`s${String(i).padStart(6, '0')}`] = i ? [`s${String(i - 1).padStart(6, '0')}`] : ['s099999'];
    expect(names(graph(chain))).toHaveLength(1);
  });
});
