import { describe, expect, it } from 'vitest';
import { createRenderer, plainLine } from './render-progress.js';

describe('progress renderers', () => {
  it('plain: one line per event, with the time at final statuses', () => {
    expect(plainLine({ resource: 'container p-web-1', status: 'Creating', elapsed: 3 })).toBe('Container p-web-1 Creating\n');
    expect(plainLine({ resource: 'container p-web-1', status: 'Started', elapsed: 400, duration: 0.42 })).toBe('Container p-web-1 Started 0.4s\n');
  });

  it('json: one parseable event per line; quiet: nothing', () => {
    const out: string[] = [];
    const json = createRenderer('json', (t) => out.push(t), false);
    json.sink({ resource: 'network p_default', status: 'Created', elapsed: 5, duration: 0.005 });
    expect(JSON.parse(out[0]!)).toEqual({ resource: 'network p_default', status: 'Created', elapsed: 5, duration: 0.005 });
    const quiet = createRenderer('quiet', (t) => out.push(t), true);
    quiet.sink({ resource: 'x', status: 'Created', elapsed: 1 });
    expect(out).toHaveLength(1);
  });

  it('tty: redraws one line per resource in place', () => {
    const out: string[] = [];
    const tty = createRenderer('auto', (t) => out.push(t), true);
    tty.sink({ resource: 'container p-db-1', status: 'Creating', elapsed: 0 });
    tty.sink({ resource: 'container p-db-1', status: 'Started', elapsed: 10, duration: 0.01 });
    tty.sink({ resource: 'container p-api-1', status: 'Waiting', elapsed: 10 });
    tty.done();
    const last = out.at(-1)!;
    expect(last).toContain('[+] Running 1/2');
    expect(last).toMatch(/✔ Container p-db-1 +Started/);
    expect(last).toMatch(/⠿ Container p-api-1 +Waiting/);
  });
});
