/**
 * The Engine API multiplexes stdout/stderr of non-TTY containers into 8-byte-header frames
 * (stream type, 3 zero bytes, big-endian length). This splits them, across chunk boundaries.
 */
export type StreamSink = (stream: 'stdout' | 'stderr', data: Buffer) => void;

export function createDemuxer(sink: StreamSink): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  return (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (pending.length >= 8) {
      const size = pending.readUInt32BE(4);
      if (pending.length < 8 + size) break;
      const type = pending[0];
      const payload = pending.subarray(8, 8 + size);
      sink(type === 2 ? 'stderr' : 'stdout', payload);
      pending = pending.subarray(8 + size);
    }
  };
}

/** Splits a byte stream into whole lines (UTF-8 safe), keeping a partial last line for later. */
export function createLineSplitter(onLine: (line: string) => void): { push(chunk: Buffer): void; flush(): void } {
  let rest = '';
  const decoder = new TextDecoder();
  return {
    push(chunk) {
      const text = rest + decoder.decode(chunk, { stream: true });
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (const l of lines) onLine(l.replace(/\r$/, ''));
    },
    flush() {
      const tail = rest + decoder.decode();
      rest = '';
      if (tail) onLine(tail);
    },
  };
}
