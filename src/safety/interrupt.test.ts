import { describe, expect, it } from 'vitest';
import { watchInterrupts } from './interrupt.js';

describe('watchInterrupts', () => {
  it('the first SIGINT/SIGTERM aborts the signal and hands the next one back to the default action', () => {
    const before = process.listenerCount('SIGINT');
    const seen: string[] = [];
    const w = watchInterrupts((sig) => seen.push(sig));
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    expect(process.listenerCount('SIGTERM')).toBeGreaterThan(0);
    process.emit('SIGTERM', 'SIGTERM');
    expect(seen).toEqual(['SIGTERM']);
    expect(w.signal.aborted).toBe(true);
    expect(w.received()).toBe('SIGTERM');
    // Our handlers are gone: a second signal gets Node's default (terminate) again.
    expect(process.listenerCount('SIGINT')).toBe(before);
    w.dispose();
  });

  it('dispose without a signal leaves nothing behind', () => {
    const before = process.listenerCount('SIGINT') + process.listenerCount('SIGTERM');
    const w = watchInterrupts(() => {});
    w.dispose();
    expect(process.listenerCount('SIGINT') + process.listenerCount('SIGTERM')).toBe(before);
    expect(w.signal.aborted).toBe(false);
  });
});
