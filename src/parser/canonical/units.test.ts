import { describe, expect, it } from 'vitest';
import { parsePortSpec } from './ports.js';
import { formatDuration, normalizeDuration, parseBytes } from './units.js';
import { parseVolumeSpec } from './volumes.js';

describe('durations (Go time.Duration.String)', () => {
  it.each([
    ['0', '0s'], ['30s', '30s'], ['90s', '1m30s'], ['1h', '1h0m0s'], ['1.5h', '1h30m0s'], ['1m0.5s', '1m0.5s'],
    ['500ms', '500ms'], ['1500ms', '1.5s'], ['2us', '2µs'], ['1.5µs', '1.5µs'], ['10ns', '10ns'], ['1d', '24h0m0s'],
    ['1w', '168h0m0s'], ['1h2m3s4ms', '1h2m3.004s'], ['-5s', '-5s'],
  ])('%s → %s', (input, out) => {
    expect(normalizeDuration(input)).toBe(out);
  });

  it.each(['', 'soon', '10', '5 s', '1x'])('%j is not a duration', (input) => {
    expect(normalizeDuration(input)).toBeUndefined();
  });

  it('prints nanoseconds like Go', () => {
    expect(formatDuration(1n)).toBe('1ns');
    expect(formatDuration(3_600_000_000_001n)).toBe('1h0m0.000000001s');
  });
});

describe('byte sizes (go-units RAMInBytes)', () => {
  it.each([
    [512, 512], ['1024', 1024], ['512m', 536870912], ['512M', 536870912], ['1gb', 1073741824], ['1GiB', 1073741824],
    ['1.5k', 1536], ['64 m', 67108864], ['2b', 2], ['-1', -1],
  ])('%j → %d', (input, out) => {
    expect(parseBytes(input)).toBe(out);
  });

  it.each(['lots', '1x', '1.2.3m', ''])('%j is not a size', (input) => {
    expect(parseBytes(input)).toBeUndefined();
  });
});

describe('parsePortSpec errors', () => {
  it.each(['', '80:', 'a:80', '80-79', '70000', '1.2.3.4.5:80:80', '80/xyz', '80-81:90-92'])('%j', (spec) => {
    expect(() => parsePortSpec(spec)).toThrow();
  });
});

describe('parseVolumeSpec', () => {
  it('keeps ${…} in one field', () => {
    expect(parseVolumeSpec('${SRC:-./x}:/data:ro')).toMatchObject({ type: 'volume', source: '${SRC:-./x}', target: '/data', read_only: true });
  });
  it('treats a drive letter as part of the path', () => {
    expect(parseVolumeSpec('C:\\data:/data')).toMatchObject({ type: 'bind', source: 'C:\\data', target: '/data' });
  });
  it.each(['', 'src:dst:ro:x', 'src::dst'])('%j is an error', (spec) => {
    expect(() => parseVolumeSpec(spec)).toThrow();
  });
});
