// Runs test/kill-chaos.sh: kill -9 of ncompose at random points of an `up`, ≥ 20 times; every next
// `up` converges and the named volume's data is intact (the script checks and cleans up itself).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';

const RUNS = process.env.NCOMPOSE_CHAOS_RUNS ?? '20';

describe('kill -9 chaos', () => {
  it(`${RUNS} random kills of up: every next up converges, data intact`, async () => {
    // Asynchronous on purpose: a minutes-long spawnSync starves vitest's worker RPC (onTaskUpdate timeout).
    const r = await promisify(execFile)('bash', [path.join(ROOT, 'test/kill-chaos.sh')], {
      env: { ...process.env, RUNS, NCOMPOSE_BIN: BIN },
      encoding: 'utf8',
      timeout: 40 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((e: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`kill-chaos.sh failed: ${e.message}\n${e.stderr ?? ''}\n${e.stdout ?? ''}`);
    });
    expect(r.stdout.match(/the next up converged, data intact/g)).toHaveLength(Number(RUNS));
  }, 40 * 60_000);
});
