import assert from 'node:assert';
import { describe, expect, it } from 'vitest';
import { notStrictEqual, strictEqual } from './lazy-assert.js';

describe('lazy-assert (yargs checks without loading node:assert up front)', () => {
  it.each([
    [1, 1],
    ['a', 'a'],
    [NaN, NaN],
    [undefined, undefined],
  ])('strictEqual(%s, %s) passes as node:assert does', (a, b) => {
    expect(() => strictEqual(a, b)).not.toThrow();
    expect(() => notStrictEqual(a, b)).toThrow(assert.AssertionError);
  });

  it.each([
    [1, 2],
    [0, -0],
    [null, undefined],
    [{}, {}],
  ])('strictEqual(%s, %s) throws node\'s AssertionError', (a, b) => {
    expect(() => strictEqual(a, b)).toThrow(assert.AssertionError);
    expect(() => notStrictEqual(a, b)).not.toThrow();
  });

  it('keeps the message', () => {
    expect(() => notStrictEqual(true, true, 'frozen twice')).toThrow('frozen twice');
  });
});
