/** The last lines a container wrote, for failure messages; empty when they cannot be read. */
import type { Engine } from '../engine/engine.js';

export async function lastLogLines(engine: Pick<Engine, 'logs' | 'inspectContainer'>, id: string, lines = 5): Promise<string[]> {
  try {
    const info = await engine.inspectContainer(id);
    if (!info) return [];
    let text = '';
    await engine.logs(id, { tail: lines, tty: info.tty }, (_stream, chunk) => (text += chunk));
    return text.split('\n').map((l) => l.trimEnd()).filter(Boolean).slice(-lines);
  } catch {
    return [];
  }
}

/** `\n  last log lines of NAME:\n    …`, or '' when there are none. */
export function formatLogLines(name: string, lines: string[]): string {
  return lines.length ? `\n  last log lines of ${name}:\n${lines.map((l) => `    ${l}`).join('\n')}` : '';
}
