// build: through the Engine API with a context tar that honours .dockerignore, a custom
// Dockerfile, build args, a target stage and labels; streamed output; `down --rmi local` removes it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProject, docker, ncompose, tempProject, TEST_IMAGE } from '../helpers.js';
import { leftovers } from './stack.js';

let dir: string;
let name: string;

const files = {
  'Dockerfile.custom': `FROM ${TEST_IMAGE} AS app
ARG GREETING=default
RUN echo "$GREETING" > /greeting
COPY . /ctx
FROM app AS never
RUN exit 1
`,
  '.dockerignore': 'secret.txt\n*.log\n',
  'keep.txt': 'kept\n',
  'secret.txt': 'must not reach the engine\n',
  'debug.log': 'noise\n',
  'compose.yaml': `services:
  app:
    build:
      context: .
      dockerfile: Dockerfile.custom
      args: { GREETING: hello }
      target: app
      labels: { com.example.built: "yes" }
    command: ["sh", "-c", "cat /greeting; ls /ctx; trap 'exit 0' TERM; sleep 3600 & wait"]
    stop_grace_period: 1s
`,
};

describe('build', () => {
  beforeAll(() => {
    ({ dir, name } = tempProject(files));
  });
  afterAll(() => {
    cleanupProject(name, dir);
    try {
      docker(['rmi', '-f', `${name}-app`]);
    } catch {
      // already removed by down --rmi
    }
  });

  it('ncompose build streams the engine output and tags <project>-<service>', () => {
    const r = ncompose(['-p', name, 'build', '--progress', 'plain'], { cwd: dir });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^app {2}\| Step 1\/\d+ : FROM /m);
    expect(r.stdout).not.toMatch(/RUN exit 1/);
    expect(docker(['image', 'inspect', `${name}-app`, '--format', '{{index .Config.Labels "com.example.built"}}'])).toBe('yes');
  });

  it('up runs the built image: args and target applied, .dockerignore honoured', () => {
    docker(['rmi', '-f', `${name}-app`]);
    const r = ncompose(['-p', name, 'up', '-d', '--wait', '--progress', 'plain'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Image \S+-app Built/);
    const logs = docker(['logs', `${name}-app-1`]).split('\n');
    expect(logs[0]).toBe('hello');
    expect(logs).toContain('keep.txt');
    expect(logs).toContain('Dockerfile.custom');
    expect(logs).not.toContain('secret.txt');
    expect(logs).not.toContain('debug.log');
  });

  it('up --build recreates the container when the rebuilt image changed, in the same up, and keeps it when not', () => {
    const containerId = () => docker(['inspect', '-f', '{{.Id}}', `${name}-app-1`]);
    const imageOf = (ref: string) => docker(['image', 'inspect', '-f', '{{.Id}}', ref]);
    const before = containerId();
    writeFileSync(path.join(dir, 'keep.txt'), 'changed\n');
    const r = ncompose(['-p', name, 'up', '-d', '--build', '--progress', 'plain'], { cwd: dir });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const after = containerId();
    expect(after).not.toBe(before);
    expect(docker(['inspect', '-f', '{{.Image}}', after])).toBe(imageOf(`${name}-app`));
    // Rebuilt from cache: the same image, so the container stays.
    expect(ncompose(['-p', name, 'up', '-d', '--build', '--progress', 'plain'], { cwd: dir }).code).toBe(0);
    expect(containerId()).toBe(after);
  });

  it('down --rmi local removes the built image and everything else', () => {
    const r = ncompose(['-p', name, 'down', '--rmi', 'local', '-t', '1'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(docker(['images', '-q', `${name}-app`])).toBe('');
    expect(leftovers(name)).toEqual([]);
  });
});
