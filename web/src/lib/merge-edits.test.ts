import { describe, expect, it } from 'vitest';
import { changedPaths, mergeEdits, sameValue } from './merge-edits.js';

describe('mergeEdits', () => {
  it.each([
    ['only theirs changed: theirs', { a: 1 }, { a: 1 }, { a: 2 }, { a: 2 }, []],
    ['only mine changed: mine', { a: 1 }, { a: 3 }, { a: 1 }, { a: 3 }, []],
    ['both, to the same value: no collision', { a: 1 }, { a: 3 }, { a: 3 }, { a: 3 }, []],
    ['both, differently: mine, named', { a: 1 }, { a: 3 }, { a: 2 }, { a: 3 }, ['a']],
    [
      'different fields: both kept',
      { name: 'x', tier: 1 },
      { name: 'y', tier: 1 },
      { name: 'x', tier: 2 },
      { name: 'y', tier: 2 },
      [],
    ],
    [
      'nested objects merge field by field',
      { bands: { medium: 25, high: 50 } },
      { bands: { medium: 30, high: 50 } },
      { bands: { medium: 25, high: 60 } },
      { bands: { medium: 30, high: 60 } },
      [],
    ],
    [
      'lists of records of one length merge item by item',
      { criteria: [{ weight: 1 }, { weight: 2 }] },
      { criteria: [{ weight: 5 }, { weight: 2 }] },
      { criteria: [{ weight: 1 }, { weight: 7 }] },
      { criteria: [{ weight: 5 }, { weight: 7 }] },
      [],
    ],
    [
      'other lists are one value: mine when both changed',
      { tags: ['a'] },
      { tags: ['a', 'b'] },
      { tags: ['a', 'c'] },
      { tags: ['a', 'b'] },
      ['tags'],
    ],
    ['an emptied box equals an empty one', { x: '' }, { x: null }, { x: 'new' }, { x: 'new' }, []],
  ])('%s', (_label, base, mine, theirs, values, collisions) => {
    expect(mergeEdits<object>(base, mine, theirs)).toEqual({ values, collisions });
  });

  it('compares objects regardless of key order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });
});

describe('changedPaths', () => {
  it('names what changed, down to a record in a list of records of one length', () => {
    const before = { name: 'a', tags: ['x'], bands: [{ at: 25 }, { at: 50 }], note: '' };
    const after = { name: 'b', tags: ['x', 'y'], bands: [{ at: 25 }, { at: 55 }], note: null };
    expect(changedPaths(before, after)).toEqual(['name', 'tags', 'bands.1.at']);
  });

  it('names nothing when nothing changed', () => {
    expect(changedPaths({ a: [1, 2], b: { c: 'd' } }, { b: { c: 'd' }, a: [1, 2] })).toEqual([]);
  });
});
