/**
 * A minimal JSON client for the Engine API over a unix socket or TCP, with one keep-alive agent:
 * the hot path of up/down/ps (list, inspect, create, start, stop, remove) without loading
 * dockerode's dependency tree (grpc, protobufjs, ssh2), which costs more than a no-op `up`.
 */
import http from 'node:http';
import type https from 'node:https';
import { createRequire } from 'node:module';
import { EngineError } from './engine-errors.js';

/** node:https pulls in tls (~3 ms to load): only a DOCKER_HOST with TLS needs it. */
const loadHttps = (): typeof https => createRequire(import.meta.url)('node:https') as typeof https;

export interface HttpTarget {
  socketPath?: string;
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  tls?: { ca: Buffer; cert: Buffer; key: Buffer };
}

export interface RawResponse {
  status: number;
  body: string;
}

export class EngineHttp {
  private readonly agent: http.Agent;
  /** node:http, or node:https for a TLS engine: chosen once, with the agent. */
  private readonly transport: typeof http | typeof https;

  constructor(private readonly target: HttpTarget) {
    const opts = { keepAlive: true, maxSockets: 64 };
    if (target.protocol === 'https') {
      this.transport = loadHttps();
      this.agent = new this.transport.Agent({ ...opts, ...target.tls });
    } else {
      this.transport = http;
      this.agent = new http.Agent(opts);
    }
  }

  request(method: string, path: string, query?: Record<string, unknown>, body?: unknown): Promise<RawResponse> {
    const qs = query ? toQuery(query) : '';
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const t = this.target;
    return new Promise((resolve, reject) => {
      const req = this.transport.request(
        {
          method, path: path + qs, agent: this.agent,
          ...(t.socketPath ? { socketPath: t.socketPath } : { host: t.host, port: t.port }),
          // No TLS, no server name: without this node's agent tests the host with its IPv6 regex (~7 ms to build).
          ...(t.protocol === 'https' ? {} : { servername: '' }),
          headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** A call that must answer with one of `ok` (else EngineError with the engine's message). */
  async json<T>(what: string, method: string, path: string, o: { query?: Record<string, unknown>; body?: unknown; ok?: number[] } = {}): Promise<T> {
    const res = await this.request(method, path, o.query, o.body);
    if (!(o.ok ?? [200, 201, 204]).includes(res.status)) throw new EngineError(`${what}: ${messageOf(res)}`, res.status);
    return (res.body ? JSON.parse(res.body) : undefined) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

function messageOf(res: RawResponse): string {
  try {
    return (JSON.parse(res.body) as { message?: string }).message ?? res.body.trim();
  } catch {
    return res.body.trim() || `HTTP ${res.status}`;
  }
}

function toQuery(q: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(s)}`);
  }
  return parts.length ? '?' + parts.join('&') : '';
}
