import { describe, expect, it } from 'vitest';
import { shareOf } from './share.js';

describe('shareOf', () => {
  it.each([
    [0, 0, '0%'],
    [0, 10, '0%'],
    [1, 1000, '<1%'],
    [3, 60, '5%'],
    [60, 60, '100%'],
  ])('%i of %i is %s', (count, total, share) => {
    expect(shareOf(count, total)).toBe(share);
  });
});
