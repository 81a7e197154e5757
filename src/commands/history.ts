/** `ncompose history`: the project's revisions, oldest first; the current one is marked `*`. */
import type { GlobalArgs } from '../cli/global-options.js';
import type { Io } from '../cli/io.js';
import { openProjectTarget } from '../safety/project-target.js';
import { openRevisionStore } from '../safety/record-revision.js';
import type { Revision } from '../safety/revision.js';

interface HistoryArgs extends GlobalArgs {
  format?: 'table' | 'json';
}

export async function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as HistoryArgs;
  const target = await openProjectTarget(args, io);
  const store = openRevisionStore(target.engine, target.name, io.env, (m) => io.err(`warning: ${m}\n`));
  const revisions = await store.list();
  if (args.format === 'json') {
    io.out(JSON.stringify(revisions.map(historyEntry), null, 2) + '\n');
    return 0;
  }
  if (!revisions.length) {
    io.out(`No revisions of project ${target.name} yet: \`ncompose up\` records one.\n`);
    return 0;
  }
  io.out(renderHistory(revisions));
  return 0;
}

export function historyEntry(r: Revision) {
  return { number: r.number, time: r.time, kind: r.kind, rollbackTo: r.rollbackTo, changed: r.changed, command: r.command, images: r.images };
}

export function renderHistory(revisions: Revision[]): string {
  const current = revisions[revisions.length - 1]?.number;
  const rows = [['REV', 'TIME', 'SERVICES CHANGED', 'COMMAND']];
  for (const r of revisions) {
    const what = r.kind === 'rollback' ? `${r.command}  (rollback to ${r.rollbackTo})` : r.command;
    rows.push([`${r.number}${r.number === current ? ' *' : ''}`, r.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), r.changed.join(', ') || '-', what]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}
