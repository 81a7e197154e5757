/**
 * Progress output: on a TTY a live view, one line per resource with its status and time;
 * otherwise plain lines as things happen; `json` one event per line for machines; `quiet` nothing.
 */
import { isFinal, type ProgressEvent, type ProgressSink } from './progress.js';

export type ProgressMode = 'auto' | 'tty' | 'plain' | 'json' | 'quiet';

export interface ProgressRenderer {
  sink: ProgressSink;
  /** Final draw; stops the TTY timer. */
  done(): void;
}

export function createRenderer(mode: ProgressMode, write: (text: string) => void, isTTY: boolean, title = 'Running'): ProgressRenderer {
  const m = mode === 'auto' ? (isTTY ? 'tty' : 'plain') : mode;
  if (m === 'quiet') return { sink: () => {}, done: () => {} };
  if (m === 'json') return { sink: (e) => write(JSON.stringify(e) + '\n'), done: () => {} };
  if (m === 'plain') return { sink: (e) => write(plainLine(e)), done: () => {} };
  return liveRenderer(write, title);
}

export function plainLine(e: ProgressEvent): string {
  if (e.detail) return `${label(e.resource)} ${e.detail}\n`;
  const time = e.duration !== undefined ? ` ${e.duration.toFixed(1)}s` : '';
  const msg = e.message ? ` ${e.message}` : '';
  return `${label(e.resource)} ${e.status}${time}${msg}\n`;
}

/** `container p-web-1` → `Container p-web-1`, as compose prints it. */
function label(resource: string): string {
  return resource.charAt(0).toUpperCase() + resource.slice(1);
}

interface Row {
  resource: string;
  status: string;
  since: number;
  duration?: number;
  final: boolean;
  error: boolean;
}

const ICON = { done: '✔', error: '✘', busy: '⠿' };

function liveRenderer(write: (text: string) => void, title: string): ProgressRenderer {
  const rows = new Map<string, Row>();
  const t0 = Date.now();
  let drawn = 0;
  const draw = () => {
    const now = Date.now();
    const list = [...rows.values()];
    const finished = list.filter((r) => r.final).length;
    const lines = [`[+] ${title} ${finished}/${list.length}`];
    const width = Math.max(0, ...list.map((r) => label(r.resource).length));
    for (const r of list) {
      const icon = r.error ? ICON.error : r.final ? ICON.done : ICON.busy;
      const secs = r.duration ?? (now - r.since) / 1000;
      lines.push(` ${icon} ${label(r.resource).padEnd(width)}  ${r.status.padEnd(10)} ${secs.toFixed(1)}s`);
    }
    const up = drawn ? `\x1b[${drawn}A` : '';
    write(up + lines.map((l) => `\x1b[2K${l}\n`).join(''));
    drawn = lines.length;
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    sink(e) {
      if (e.detail || e.status === 'Warning') return;
      const prev = rows.get(e.resource);
      const since = prev?.since ?? t0 + e.elapsed;
      const status = e.status === 'Error' && e.message ? `Error: ${e.message}` : e.status;
      rows.set(e.resource, { resource: e.resource, status, since, duration: e.duration, final: isFinal(e.status), error: e.status === 'Error' });
    },
    done() {
      clearInterval(timer);
      if (rows.size) draw();
    },
  };
}
