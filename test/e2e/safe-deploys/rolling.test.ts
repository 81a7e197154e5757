// Rolling (start-first) update on the real engine: two httpd replicas behind the service alias
// while a client in the project network requests it in a loop; zero failed requests, and each
// replica takes about one healthcheck interval (a request cut at a replica's retirement is retried).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProject, docker, ncompose, tempProject, TEST_IMAGE } from '../helpers.js';

const INTERVAL_S = 2;
let dir: string;
let name: string;

const up = (...extra: string[]) => ncompose(['-p', name, 'up', '-d', '-t', '1', ...extra], { cwd: dir });

function writeCompose(release: string): void {
  writeFileSync(path.join(dir, 'compose.yaml'), `
services:
  web:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "mkdir -p /www && echo $$RELEASE > /www/index.html && trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"]
    environment: { RELEASE: "${release}" }
    healthcheck:
      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1/"]
      interval: ${INTERVAL_S}s
      timeout: 5s
      retries: 3
    deploy:
      replicas: 2
      update_config: { order: start-first, parallelism: 1 }
  client:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
`);
}

/**
 * Requests http://web/ from the client container until /stop exists (at most 4000 times). A request
 * that fails is tried once more, as an HTTP client behind a rolling deploy does on a connection error:
 * `retried` counts those, `fail` the ones that failed twice. Docker cannot take a container out of DNS
 * and keep its address (docs/safe-deploys.md, Limit), so a request open to an old replica at the
 * instant it is disconnected is cut: at most one per retired replica.
 */
function startClient(): Promise<string> {
  const get = 'timeout 3 wget -q -O /dev/null http://web/';
  const loop = 'ok=0; retried=0; fail=0; i=0; rm -f /stop; while [ $i -lt 4000 ] && [ ! -e /stop ]; do i=$((i+1)); ' +
    `if ${get}; then ok=$((ok+1)); elif ${get}; then ok=$((ok+1)); retried=$((retried+1)); else fail=$((fail+1)); fi; sleep 0.1; done; ` +
    'echo ok=$ok retried=$retried fail=$fail';
  const child = spawn('docker', ['exec', `${name}-client-1`, 'sh', '-c', loop], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((res) => child.on('close', () => res(out)));
}

interface Event { resource: string; status: string; elapsed: number }

describe('rolling update', () => {
  beforeAll(() => {
    ({ dir, name } = tempProject({}));
    writeCompose('1');
    expect(up('--wait').code).toBe(0);
  });
  afterAll(() => cleanupProject(name, dir));

  it('replaces both replicas with zero failed requests, one healthcheck interval per replica', async () => {
    const before = docker(['ps', '-q', '--filter', `label=com.docker.compose.service=web`, '--filter', `label=com.docker.compose.project=${name}`]).split('\n').sort();
    const client = startClient();
    await new Promise((r) => setTimeout(r, 500));
    writeCompose('2');
    const t0 = Date.now();
    const r = up('--progress', 'json');
    const took = (Date.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 500));
    docker(['exec', `${name}-client-1`, 'touch', '/stop']);
    const counts = await client;
    expect(r.code, r.stderr).toBe(0);
    const m = /ok=(\d+) retried=(\d+) fail=(\d+)/.exec(counts);
    expect(m, counts).not.toBeNull();
    expect(Number(m![3]), counts).toBe(0);
    expect(Number(m![2]), counts).toBeLessThanOrEqual(2);
    expect(Number(m![1])).toBeGreaterThan(10);

    const events = r.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Event);
    const at = (n: number, status: string) => events.find((e) => e.resource === `container ${name}-web-${n}` && e.status === status)!.elapsed;
    for (const n of [1, 2]) {
      // From the moment the engine says it started to healthy: the first probe comes one interval in.
      const healthyAfter = (at(n, 'Healthy') - at(n, 'Waiting')) / 1000;
      console.log(`web-${n}: healthy ${healthyAfter}s after its start; up took ${took}s; client ${counts.trim()}`);
      expect(healthyAfter).toBeGreaterThanOrEqual(INTERVAL_S * 0.5);
      expect(healthyAfter).toBeLessThan(INTERVAL_S + 3);
    }
    // One replica at a time: the second starts after the first took over.
    expect(at(2, 'Starting')).toBeGreaterThanOrEqual(at(1, 'Started'));

    const after = docker(['ps', '-q', '--filter', `label=com.docker.compose.service=web`, '--filter', `label=com.docker.compose.project=${name}`]).split('\n').sort();
    expect(after).toHaveLength(2);
    expect(after.some((id) => before.includes(id))).toBe(false);
    const names = docker(['ps', '-a', '--format', '{{.Names}}', '--filter', `label=com.docker.compose.project=${name}`]).split('\n').sort();
    expect(names).toEqual([`${name}-client-1`, `${name}-web-1`, `${name}-web-2`]);
    const served = docker(['exec', `${name}-client-1`, 'sh', '-c', 'for i in 1 2 3 4 5 6; do wget -q -O- http://web/; done']);
    expect(new Set(served.split('\n'))).toEqual(new Set(['2']));
  });

  it('a new replica that fails its healthcheck is removed and the old one keeps serving', async () => {
    writeFileSync(path.join(dir, 'compose.yaml'), `
services:
  web:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "mkdir -p /www && echo $$RELEASE > /www/index.html && trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"]
    environment: { RELEASE: "3" }
    healthcheck:
      test: ["CMD", "false"]
      interval: 300ms
      timeout: 1s
      retries: 2
    deploy:
      replicas: 2
      update_config: { order: start-first }
  client:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
`);
    const client = startClient();
    const r = up('--progress', 'plain');
    docker(['exec', `${name}-client-1`, 'touch', '/stop']);
    const counts = await client;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/service web: new replica of \S+-web-1 is unhealthy/);
    expect(r.stderr).toMatch(/rolled back to revision \d+/);
    // Nothing was retired: not one request may even need its retry.
    expect(/retried=(\d+) fail=(\d+)/.exec(counts)?.slice(1), counts).toEqual(['0', '0']);
    const served = docker(['exec', `${name}-client-1`, 'sh', '-c', 'for i in 1 2 3 4; do wget -q -O- http://web/; done']);
    expect(new Set(served.split('\n'))).toEqual(new Set(['2']));
  });
  it('a rolled service is restored with its aliases when another service of the same up fails', () => {
    writeFileSync(path.join(dir, 'compose.yaml'), `
services:
  web:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "mkdir -p /www && echo $$RELEASE > /www/index.html && trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"]
    environment: { RELEASE: "4" }
    healthcheck: { test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1/"], interval: 300ms, timeout: 5s, retries: 3 }
    deploy: { replicas: 2, update_config: { order: start-first } }
  client:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
  api:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
    healthcheck: { test: ["CMD", "false"], interval: 300ms, timeout: 1s, retries: 2 }
    depends_on: [web]
`);
    const before = docker(['ps', '-q', '--filter', 'label=com.docker.compose.service=web', '--filter', `label=com.docker.compose.project=${name}`]).split('\n').sort();
    const r = up('--progress', 'plain');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rolled back to revision \d+: service api/);
    const after = docker(['ps', '-q', '--filter', 'label=com.docker.compose.service=web', '--filter', `label=com.docker.compose.project=${name}`]).split('\n').sort();
    expect(after).toEqual(before);
    // The restored replicas answer on the service alias and on their names again.
    const served = docker(['exec', `${name}-client-1`, 'sh', '-c', `for i in 1 2 3 4; do wget -q -O- http://web/; done; wget -q -O- http://${name}-web-1/; wget -q -O- http://${name}-web-2/`]);
    expect(new Set(served.split('\n'))).toEqual(new Set(['2']));
    expect(docker(['ps', '-a', '--format', '{{.Names}}', '--filter', `label=com.docker.compose.project=${name}`]).split('\n').sort()).toEqual([`${name}-client-1`, `${name}-web-1`, `${name}-web-2`]);
  });
});
