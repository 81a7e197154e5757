import { describe, expect, it } from 'vitest';
import { createDemuxer, createLineSplitter } from './stream-demux.js';

function frame(type: number, text: string): Buffer {
  const payload = Buffer.from(text);
  const head = Buffer.alloc(8);
  head[0] = type;
  head.writeUInt32BE(payload.length, 4);
  return Buffer.concat([head, payload]);
}

describe('createDemuxer', () => {
  it('splits frames into stdout and stderr, across chunk boundaries', () => {
    const got: string[] = [];
    const push = createDemuxer((s, d) => got.push(`${s}:${d.toString()}`));
    const all = Buffer.concat([frame(1, 'out one\n'), frame(2, 'err\n'), frame(1, 'out two\n')]);
    for (let i = 0; i < all.length; i += 5) push(all.subarray(i, i + 5));
    expect(got.join('')).toBe('stdout:out one\nstderr:err\nstdout:out two\n');
  });
});

describe('createLineSplitter', () => {
  it('emits whole lines and the tail on flush', () => {
    const lines: string[] = [];
    const s = createLineSplitter((l) => lines.push(l));
    s.push(Buffer.from('a\r\nb'));
    s.push(Buffer.from('c\nd'));
    s.flush();
    expect(lines).toEqual(['a', 'bc', 'd']);
  });
});
