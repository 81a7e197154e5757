/** Compose files and engine look-ups shared by the executor's end-to-end tests. */
import { docker, IDLE, TEST_IMAGE } from '../helpers.js';

export const idle = JSON.stringify(IDLE);

/** db (healthcheck) → migrate (one-shot, completed_successfully) → api → web (port on 127.0.0.1). */
export function fourTier(opts: { port: number; dbMarker?: string; migrateExit?: number; apiEnv?: string }): string {
  return `
services:
  db:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 0.3; touch /ready; echo ${opts.dbMarker ?? 'db'}; sleep 3600 & wait"]
    healthcheck:
      test: ["CMD-SHELL", "test -f /ready"]
      interval: 100ms
      timeout: 1s
      retries: 20
    volumes: [data:/data]
    stop_grace_period: 1s
  migrate:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "echo migrating; echo v1 >> /data/migrations; exit ${opts.migrateExit ?? 0}"]
    volumes: [data:/data]
    depends_on:
      db: { condition: service_healthy }
  api:
    image: ${TEST_IMAGE}
    command: ${idle}
    environment: { RELEASE: "${opts.apiEnv ?? 'v1'}" }
    stop_grace_period: 1s
    depends_on:
      db: { condition: service_healthy }
      migrate: { condition: service_completed_successfully }
  web:
    image: ${TEST_IMAGE}
    command: ${idle}
    ports: ["127.0.0.1:${opts.port}:80"]
    stop_grace_period: 1s
    depends_on: [api]
volumes:
  data: {}
`;
}

export interface Inspected {
  Id: string;
  Name: string;
  Config: { Labels: Record<string, string>; Env: string[] };
  State: { Status: string; StartedAt: string; FinishedAt: string; ExitCode: number; Health?: { Status: string; Log: { Start: string; End: string; ExitCode: number }[] } };
  NetworkSettings: { Networks: Record<string, { Aliases: string[] | null }> };
  Mounts: { Type: string; Name?: string; Destination: string }[];
}

export function inspect(name: string): Inspected {
  return (JSON.parse(docker(['inspect', name])) as Inspected[])[0]!;
}

export function containersOf(project: string, all = true): string[] {
  return docker(['ps', ...(all ? ['-a'] : []), '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Names}}'])
    .split('\n')
    .filter(Boolean)
    .sort();
}

export function leftovers(project: string): string[] {
  const label = `label=com.docker.compose.project=${project}`;
  return [
    ...docker(['ps', '-aq', '--filter', label]).split('\n'),
    ...docker(['network', 'ls', '-q', '--filter', label]).split('\n'),
    ...docker(['volume', 'ls', '-q', '--filter', label]).split('\n'),
  ].filter(Boolean);
}

export const time = (s: string) => Date.parse(s);

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}
