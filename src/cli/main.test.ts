import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { main } from './main.js';
import { captureIo } from './capture-io.js';

const EXAMPLE = path.resolve(__dirname, '../../examples/hello/compose.yaml');


describe('exit codes', () => {
  it.each([
    [['config', '--services'], 0],
    [['config', '-q', '--bogus'], 2],
    [['confg'], 2],
    [[], 2],
    [['config', '-f'], 2],
    [['config', '-f', 'missing.yaml'], 1],
  ])('ncompose %j exits %i', async (argv, code) => {
    const io = captureIo(path.dirname(EXAMPLE), { NO_COLOR: '1' });
    expect(await main(argv as string[], io)).toBe(code);
    expect(io.stderr).not.toMatch(/\n\s+at /); // never a stack trace for user errors
  });

  it.each([
    [['bogus'], 'unknown command "bogus": see ncompose --help'],
    [['confg'], 'unknown command "confg" (did you mean config?)'],
    [['-p', 'x', 'lnt'], 'unknown command "lnt" (did you mean lint?)'],
    [['config', '--bogus'], 'Unknown argument: bogus'],
  ])('ncompose %j says %s', async (argv, said) => {
    const io = captureIo(path.dirname(EXAMPLE), { NO_COLOR: '1' });
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr).toContain(said);
  });

  it('a usage error never runs the command', async () => {
    const io = captureIo(path.dirname(EXAMPLE), { NO_COLOR: '1' });
    expect(await main(['config', '--services', '--bogus'], io)).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr).toContain('Unknown argument: bogus');
  });
});

describe('global -f and -p', () => {
  it.each([
    [['-f', 'a.yaml', 'logs', '-f'], ['--file', 'a.yaml', 'logs', '-f']],
    [['-f', 'a.yaml', '-p', 'x', 'up', '-d'], ['--file', 'a.yaml', '--project-name', 'x', 'up', '-d']],
    [['config', '-f', 'a.yaml', '-p=x'], ['config', '--file', 'a.yaml', '--project-name=x']],
    [['rm', '-f', 'web'], ['rm', '-f', 'web']],
    [['--profile', 'logs', 'config'], ['--profile', 'logs', 'config']],
    [['exec', 'web', '--', 'ls', '-f'], ['exec', 'web', '--', 'ls', '-f']],
    [['exec', '-u', 'root', 'web', 'ls', '-f', '-e'], ['exec', '-u', 'root', 'web', '--', 'ls', '-f', '-e']],
    [['-f', 'a.yaml', 'exec', 'web', 'sh', '-c', 'id'], ['--file', 'a.yaml', 'exec', 'web', '--', 'sh', '-c', 'id']],
  ])('%j → %j', async (argv, expected) => {
    const { expandGlobalShortFlags } = await import('./global-options.js');
    expect(expandGlobalShortFlags(argv, { logs: ['f'], rm: ['f'] })).toEqual(expected);
  });
});
