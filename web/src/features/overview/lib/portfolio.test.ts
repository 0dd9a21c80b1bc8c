import { describe, expect, it } from 'vitest';
import { layoutSegments, shareOf } from './portfolio.js';

describe('layoutSegments', () => {
  it('fills the width in proportion, skipping empty bands', () => {
    const segments = layoutSegments(
      [
        { band: 'critical', count: 1 },
        { band: 'high', count: 0 },
        { band: 'low', count: 3 },
      ],
      100,
      0,
    );
    expect(segments).toEqual([
      { band: 'critical', count: 1, x: 0, width: 25 },
      { band: 'low', count: 3, x: 25, width: 75 },
    ]);
  });

  it('keeps a tiny band visible at the minimum width', () => {
    const [critical, low] = layoutSegments(
      [
        { band: 'critical', count: 1 },
        { band: 'low', count: 9999 },
      ],
      1000,
      10,
    );
    expect(critical?.width).toBeGreaterThanOrEqual(10);
    expect((critical?.width ?? 0) + (low?.width ?? 0)).toBeCloseTo(1000);
  });

  it('draws nothing for an empty register', () => {
    expect(layoutSegments([{ band: 'none', count: 0 }], 1000, 10)).toEqual([]);
  });
});

describe('shareOf', () => {
  it('never rounds a present band down to nothing', () => {
    expect(shareOf(1, 1000)).toBe('<1%');
    expect(shareOf(0, 1000)).toBe('0%');
    expect(shareOf(3, 60)).toBe('5%');
    expect(shareOf(0, 0)).toBe('0%');
  });
});
