import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from './did-you-mean.js';

const KEYS = ['environment', 'env_file', 'image', 'ports', 'volumes', 'volumes_from', 'healthcheck', 'command', 'networks', 'network_mode', 'depends_on'];

describe('didYouMean', () => {
  it.each([
    ['enviroment', 'environment'],
    ['imgae', 'image'],
    ['port', 'ports'],
    ['Image', 'image'],
    ['helthcheck', 'healthcheck'],
    ['dependson', 'depends_on'],
    ['network', 'networks'],
    ['flux_capacitor', undefined],
    ['x', undefined],
  ])('%s → %s', (word, expected) => {
    expect(didYouMean(word, KEYS)).toBe(expected);
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('imgae', 'image')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
