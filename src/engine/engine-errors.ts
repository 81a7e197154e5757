/**
 * Engine failures as one clear line. Connection failures say what to start; API errors keep the
 * engine's own message (it names the resource); 404s on look-ups become `undefined`.
 */
import { NcomposeError } from '../diagnostics.js';

const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOENT', 'EACCES', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

interface EngineErrorLike {
  code?: string;
  statusCode?: number;
  reason?: string;
  json?: { message?: string } | null;
  message?: string;
}

/** An engine API failure: `status` is the HTTP status (404, 409, ...), 0 when the engine was unreachable. */
export class EngineError extends NcomposeError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export function isConnectionError(e: unknown): boolean {
  return CONNECT_CODES.has((e as EngineErrorLike)?.code ?? '');
}

export function engineMessage(e: unknown): string {
  const err = e as EngineErrorLike;
  const msg = err?.json?.message ?? err?.message ?? String(e);
  return msg.replace(/^\(HTTP code \d+\) [a-z ]+ - /, '').trim();
}

export function toEngineError(display: string, what: string, e: unknown): EngineError {
  if (e instanceof EngineError) return e;
  const err = e as EngineErrorLike;
  if (isConnectionError(e)) {
    const hint = err.code === 'EACCES' ? 'permission denied on the socket (is your user in the docker group?)' : 'is the Docker daemon running? Start it (e.g. `sudo systemctl start docker` or `sudo dockerd`) or set DOCKER_HOST';
    return new EngineError(`cannot connect to the Docker Engine at ${display} (${err.code}): ${hint}`, 0);
  }
  return new EngineError(`${what}: ${engineMessage(e)}`, err?.statusCode ?? 0);
}

export async function engineCall<T>(display: string, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toEngineError(display, what, e);
  }
}

export async function engineLookup<T>(display: string, what: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if ((e as EngineErrorLike)?.statusCode === 404 || (e instanceof EngineError && e.status === 404)) return undefined;
    throw toEngineError(display, what, e);
  }
}
