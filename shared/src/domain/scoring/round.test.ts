import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmt, r2 } from './round.js';

describe('r2', () => {
  it.each([
    [1.005, 1.01],
    [49.2993, 49.3],
    [0.228, 0.23],
    [-0.125, -0.13],
    [57, 57],
    [0, 0],
  ])('%d → %d', (x, expected) => {
    expect(r2(x)).toBe(expected);
  });
});

describe('fmt', () => {
  it('prints exactly what String prints', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), (x) => {
        expect(fmt(r2(x))).toBe(String(r2(x)));
        expect(fmt(x)).toBe(String(x));
      }),
      { numRuns: 5000 },
    );
    for (const x of [0.07, 0.1, 0.23, 19.3, 49.3, 100, -3, 1e21, 33.333, -0.05, 1234567.89])
      expect(fmt(x)).toBe(String(x));
  });
});
