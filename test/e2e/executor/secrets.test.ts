// Secrets and configs on the real engine: from a file (a read-only bind), from `environment` (the
// project's .env here, or an included file's own .env) and from `content` (files written into the
// container before it starts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProject, docker, ncompose, tempProject, TEST_IMAGE } from '../helpers.js';
import { idle } from './stack.js';

let dir: string;
let name: string;

describe('secrets and configs', () => {
  beforeAll(() => {
    ({ dir, name } = tempProject({
      '.env': 'API_TOKEN=s3cret-from-env\n',
      'db-password.txt': 'from-a-file\n',
      'compose.yaml': `services:
  app:
    image: ${TEST_IMAGE}
    command: ${idle}
    stop_grace_period: 1s
    secrets:
      - token
      - { source: token, target: api-token, uid: "103", gid: "104", mode: 0400 }
      - db_password
    configs:
      - motd
      - { source: motd, target: /etc/motd }
secrets:
  token: { environment: API_TOKEN }
  db_password: { file: ./db-password.txt }
configs:
  motd: { content: "hello from \${GREETER:-ncompose}" }
`,
    }));
  });
  afterAll(() => cleanupProject(name, dir));

  it('are in the container when it starts, with their mode and owner', () => {
    const r = ncompose(['-p', name, 'up', '-d', '--progress', 'quiet'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/not applied/);
    const sh = (cmd: string) => docker(['exec', `${name}-app-1`, 'sh', '-c', cmd]);
    expect(sh('cat /run/secrets/token')).toBe('s3cret-from-env');
    expect(sh('stat -c "%a %u %g" /run/secrets/token /run/secrets/api-token').split('\n')).toEqual(['444 0 0', '400 103 104']);
    expect(sh('cat /run/secrets/api-token')).toBe('s3cret-from-env');
    expect(sh('cat /run/secrets/db_password')).toBe('from-a-file');
    expect(sh('cat /motd; echo; cat /etc/motd')).toBe('hello from ncompose\nhello from ncompose');
  });

  it("an included file's secret reads the include's own .env", () => {
    const inc = tempProject({
      'compose.yaml': 'include: [sub/compose.yaml]\n',
      'sub/.env': 'SUB_TOKEN=from-the-include\n',
      'sub/compose.yaml': `services:\n  api:\n    image: ${TEST_IMAGE}\n    command: ${idle}\n    stop_grace_period: 1s\n    secrets: [token]\nsecrets:\n  token: { environment: SUB_TOKEN }\n`,
    });
    try {
      const r = ncompose(['-p', inc.name, 'up', '-d', '--progress', 'quiet'], { cwd: inc.dir });
      expect(r.code, r.stderr).toBe(0);
      expect(docker(['exec', `${inc.name}-api-1`, 'cat', '/run/secrets/token'])).toBe('from-the-include');
    } finally {
      cleanupProject(inc.name, inc.dir);
    }
  });

  it('a secret whose variable is unset fails its service, naming the secret and the variable', () => {
    writeFileSync(path.join(dir, '.env'), 'OTHER=1\n');
    const r = ncompose(['-p', name, 'up', '-d', '--progress', 'plain', '--force-recreate'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/app.*secret token: environment variable API_TOKEN is not set/);
    expect(r.stderr).toMatch(/rolled back/);
    expect(docker(['exec', `${name}-app-1`, 'cat', '/run/secrets/token'])).toBe('s3cret-from-env');
  });
});
