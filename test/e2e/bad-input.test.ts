/**
 * Through the real CLI: bad input exits 1 with located one-line diagnostics, never a stack trace.
 * (No engine calls here; it lives with the CLI tests because it runs the built bin/.)
 */
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempProject } from './helpers.js';

const { dir } = tempProject({}, 'ncbad');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const generated: [string, () => string | Buffer][] = [
  ['binary.yaml', () => Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256))],
  ['huge-50mb.yaml', () => 'services:\n  a:\n    image: x\n' + '# padding\n'.repeat(5_000_000)],
  ['deep.yaml', () => 'services: ' + '['.repeat(100_000) + ']'.repeat(100_000)],
  ['empty.yaml', () => ''],
  ['bomb.yaml', () => readFileSync(path.join(ROOT, 'fixtures/parser/bad/alias-bomb.yaml'), 'utf8')],
];

const fromFixtures = (sub: string) =>
  readdirSync(path.join(ROOT, 'fixtures/parser', sub))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [`${sub}/${f}`, readFileSync(path.join(ROOT, 'fixtures/parser', sub, f), 'utf8')] as const)
    .filter(([, text]) => /^# expect: \S+ \d+.*$/m.test(text) && !/^# expect: .* warning/m.test(text));

const LOCATED = /^(?:\S+):(\d+):(\d+): error: .+ \[([a-z_]+)\]$/m;

/** Asynchronous, so the test worker stays responsive while ~80 CLI processes run. */
function configQuiet(file: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, '-f', file, 'config', '-q'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, _out, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stderr: String(stderr) });
    });
  });
}

async function expectCleanFailure(file: string, code?: string, line?: number): Promise<void> {
  const r = await configQuiet(file);
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/internal error/i);
  const m = LOCATED.exec(r.stderr);
  expect(m, r.stderr).not.toBeNull();
  if (code) expect(r.stderr).toMatch(new RegExp(`:${line}:\\d+: error: .*\\[${code}\\]`));
}

describe('ncompose config -q on bad input', () => {
  it.each(generated)('%s: exit 1, located, no stack trace', async (name, make) => {
    const file = path.join(dir, name);
    writeFileSync(file, make());
    await expectCleanFailure(file);
  });

  it.each([...fromFixtures('bad'), ...fromFixtures('semantic')])('%s: exit 1 with the expected code and line', async (name, text) => {
    const [, code, line] = /^# expect: (\S+) (\d+)/m.exec(text)!;
    const file = path.join(dir, name.replace('/', '-'));
    writeFileSync(file, text);
    await expectCleanFailure(file, code, Number(line));
  });
});
