// Recreate keeps a service's anonymous volumes (and their data) unless -V renews them;
// `down -v` removes them with the containers.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProject, docker, ncompose, tempProject, TEST_IMAGE } from '../helpers.js';
import { idle, inspect } from './stack.js';

let dir: string;
let name: string;
const compose = (release: string) => `services:
  cache:
    image: ${TEST_IMAGE}
    command: ${idle}
    environment: { RELEASE: "${release}" }
    volumes: [/cache]
    stop_grace_period: 1s
`;
const up = (...extra: string[]) => ncompose(['-p', name, 'up', '-d', '--progress', 'quiet', '-t', '1', ...extra], { cwd: dir });
const volumeOf = () => inspect(`${name}-cache-1`).Mounts.find((m) => m.Destination === '/cache')!.Name!;

describe('anonymous volumes', () => {
  beforeAll(() => {
    ({ dir, name } = tempProject({ 'compose.yaml': compose('v1') }));
  });
  afterAll(() => cleanupProject(name, dir));

  it('survive a recreate, with their data', () => {
    expect(up().code).toBe(0);
    const vol = volumeOf();
    docker(['exec', `${name}-cache-1`, 'sh', '-c', 'echo warm > /cache/state']);
    writeFileSync(path.join(dir, 'compose.yaml'), compose('v2'));
    expect(up().code).toBe(0);
    expect(inspect(`${name}-cache-1`).Config.Env).toContain('RELEASE=v2');
    expect(volumeOf()).toBe(vol);
    expect(docker(['exec', `${name}-cache-1`, 'cat', '/cache/state'])).toBe('warm');
  });

  it('are renewed with -V', () => {
    const vol = volumeOf();
    expect(up('--force-recreate', '-V').code).toBe(0);
    expect(volumeOf()).not.toBe(vol);
    expect(docker(['exec', `${name}-cache-1`, 'ls', '/cache'])).toBe('');
    docker(['volume', 'rm', vol]);
  });

  it('are removed by down -v', () => {
    const vol = volumeOf();
    expect(ncompose(['-p', name, 'down', '-v', '-t', '1'], { cwd: dir }).code).toBe(0);
    expect(docker(['volume', 'ls', '-q', '--filter', `name=${vol}`])).toBe('');
  });
});
