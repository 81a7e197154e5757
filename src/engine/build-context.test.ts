import { describe, expect, it } from 'vitest';
import { contextFilter } from './build-context.js';

describe('contextFilter', () => {
  const skip = contextFilter(['node_modules', '*.log', '!keep.log', 'secret/**', 'Dockerfile'], ['Dockerfile', '.dockerignore']);
  it.each([
    ['node_modules/a/b.js', true],
    ['src/app.js', false],
    ['debug.log', true],
    ['keep.log', false],
    ['secret/key.pem', true],
    ['Dockerfile', false],
    ['.dockerignore', false],
  ])('%s → excluded %s', (rel, excluded) => {
    expect(skip(rel)).toBe(excluded);
  });
});
