/**
 * The human view, rendered from plan data alone (terraform's jsonformat idea):
 * `+ create`, `~ recreate`, `- remove`, field diffs, and one summary line.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { maskChange } from './masking.js';
import type { ActionKind, FieldChange, Plan, PlanAction } from './plan-types.js';

const SYMBOL: Record<ActionKind, string> = { create: '+', recreate: '~', remove: '-', start: '>', stop: '.', pull: '<', build: '*', noop: ' ' };

export interface RenderOptions {
  color: boolean;
  /** Also list unchanged containers. */
  showNoop?: boolean;
}

export function renderPlanHuman(plan: Plan, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const lines: string[] = [];
  const shown = plan.actions.filter((a) => a.action !== 'noop' || opts.showNoop);
  for (const a of shown) lines.push(...renderAction(a, c));
  if (!plan.actions.some((a) => a.action !== 'noop')) lines.push(`No changes: project ${plan.project} is up to date.`);
  lines.push('', summaryLine(plan));
  const other = otherCounts(plan);
  if (other) lines.push(other);
  return lines.join('\n') + '\n';
}

function renderAction(a: PlanAction, c: ChalkInstance): string[] {
  const colour = COLOUR[a.action](c);
  const head = `${colour(`${SYMBOL[a.action]} ${a.action}`)} ${a.type} ${c.bold(a.name)}${a.service && a.type !== 'image' ? ` (service ${a.service})` : ''} ${c.dim(`[${a.cause}]`)}`;
  const lines = [head];
  if (a.action === 'recreate' && a.details?.oldName && a.details.oldName !== a.name) lines.push(`      name: ${a.details.oldName} → ${a.name}`);
  const rolling = a.details?.rolling as { batch: number } | undefined;
  if (rolling) lines.push(`      update: start-first, batch ${rolling.batch + 1} (the new replica is healthy before the old one stops)`);
  for (const ch of a.changes.map(maskChange)) lines.push(`      ${renderChange(ch, c)}`);
  return lines;
}

const COLOUR: Record<ActionKind, (c: ChalkInstance) => (s: string) => string> = {
  create: (c) => c.green,
  recreate: (c) => c.yellow,
  remove: (c) => c.red,
  start: (c) => c.cyan,
  stop: (c) => c.magenta,
  pull: (c) => c.blue,
  build: (c) => c.blue,
  noop: (c) => c.dim,
};

export function renderChange(ch: FieldChange, c?: ChalkInstance): string {
  const before = formatValue(ch.before);
  const after = formatValue(ch.after);
  return `${ch.path}: ${c ? c.red(before) : before} → ${c ? c.green(after) : after}`;
}

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '(none)';
  if (typeof v === 'string') return v === '' ? '""' : v;
  return JSON.stringify(v);
}

export function summaryLine(plan: Plan): string {
  const s = plan.summary;
  return `Plan: ${s.create} to create, ${s.recreate} to recreate, ${s.remove} to remove.`;
}

function otherCounts(plan: Plan): string {
  const s = plan.summary;
  const parts = (['start', 'stop', 'pull', 'build'] as const).filter((k) => s[k] > 0).map((k) => `${s[k]} to ${k}`);
  return parts.length ? `Also: ${parts.join(', ')}.` : '';
}
