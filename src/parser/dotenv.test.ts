import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DotenvFileError, parseDotenv, readEnvFile } from './dotenv.js';

const dir = new URL('../../fixtures/parser/dotenv/', import.meta.url);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.env'))
  .map((f) => f.slice(0, -4))
  .sort();

interface Expected {
  os?: Record<string, string>;
  values?: Record<string, string>;
  unset?: string[];
  error?: { kind: string; line?: number };
}

describe('.env parsing (compose-go dotenv)', () => {
  it.each(names)('%s', (name) => {
    const text = readFileSync(new URL(`${name}.env`, dir), 'utf8');
    const want = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as Expected;
    const os = want.os ?? {};
    const r = parseDotenv(text, (k) => (k in os ? os[k] : undefined));
    if (want.error) {
      expect(r.error).toMatchObject(want.error);
      return;
    }
    expect(r.error).toBeUndefined();
    expect(r.values).toEqual(want.values);
    expect(r.unset.map((u) => u.name)).toEqual(want.unset ?? []);
  });

  it('keeps keys named like Object.prototype members as plain keys', () => {
    const r = parseDotenv('__proto__=x\nconstructor=y\nA=${constructor}\n');
    expect(Object.keys(r.values)).toEqual(['__proto__', 'constructor', 'A']);
    expect(r.values['A']).toBe('y');
    expect(parseDotenv('B=${toString}\n').values['B']).toBe('');
  });

  it('has at least 25 fixture cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });
});

describe('readEnvFile', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'ncompose-dotenv-'));

  it('reads a file with a lookup for ${} and inherited keys', () => {
    const f = path.join(tmp, 'a.env');
    writeFileSync(f, 'HOST=db\nURL="postgres://${HOST}:${PORT:-5432}"\nFROM_OS\n');
    expect(readEnvFile(f, (k) => (k === 'FROM_OS' ? 'x' : undefined))).toEqual({ HOST: 'db', URL: 'postgres://db:5432', FROM_OS: 'x' });
  });

  it('throws a typed error for a missing file, a directory and bad syntax', () => {
    const missing = () => readEnvFile(path.join(tmp, 'nope.env'));
    expect(missing).toThrow(DotenvFileError);
    expect(missing).toThrow(/couldn't find env file/);
    mkdirSync(path.join(tmp, 'd.env'));
    expect(() => readEnvFile(path.join(tmp, 'd.env'))).toThrow(/is a directory/);
    const bad = path.join(tmp, 'bad.env');
    writeFileSync(bad, 'OK=1\nNOT OK\n');
    try {
      readEnvFile(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DotenvFileError);
      expect((e as DotenvFileError).kind).toBe('syntax');
      expect((e as DotenvFileError).line).toBe(2);
    }
  });
});

describe('.env parsing (property)', () => {
  const piece = fc.constantFrom('A', 'b', '=', ':', '"', "'", '\\', '#', ' ', '\t', '\n', '\r\n', '$', '${', '}', 'export ', '.', '-', 'é', '\ufeff');
  it('never throws and never hangs: a value map or a typed error with a line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.array(piece, { maxLength: 60 }).map((xs) => xs.join(''))), (text) => {
        const r = parseDotenv(text, () => undefined);
        if (r.error) expect(r.error.line).toBeGreaterThanOrEqual(1);
        for (const v of Object.values(r.values)) expect(typeof v).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });
});
