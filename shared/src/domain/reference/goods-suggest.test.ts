import { describe, expect, it } from 'vitest';
import { resolveGood } from './goods.js';
import { goodFilterKeys, storedGoodKeys } from './goods-keys.js';
import { closestGoods } from './goods-suggest.js';
import { loadReferenceData } from './load-node.js';
import { indexReference } from './reference-index.js';

const index = indexReference(loadReferenceData());

describe('closestGoods', () => {
  it.each([
    ['cotten', 'Cotton'],
    ['organic cotten', 'Cotton'],
    ['tomatoe', 'Tomatoes'],
    ['palm oyl', 'palm oil'],
    ['solar pannels', 'solar panel'],
    ['coffe', 'Coffee'],
    ['furnitur', 'Furniture'],
    ['garmets', 'Garments'],
    ['textils', 'Textiles'],
    ['lithum batteries', 'lithium battery'],
    ['cocoa beens', 'cocoa bean'],
  ])('%j: did you mean %j first', (input, first) => {
    expect(resolveGood(index, input).members).toBeNull();
    const suggestions = closestGoods(index, input, 3);
    expect(suggestions[0]).toBe(first);
    // each suggestion is recognised as it is, so choosing it fixes the good
    for (const s of suggestions) expect(resolveGood(index, s).members, s).not.toBeNull();
  });

  it.each(['auto parts', 'widgets', 'oil', 'plastic', 'steel', 'machinery', 'vegetable oil'])(
    '%j: nothing close, no suggestion',
    (input) => {
      expect(closestGoods(index, input, 3)).toEqual([]);
    },
  );

  it('gives one suggestion per good, at most n, best first', () => {
    const s = closestGoods(index, 'gloves', 2);
    expect(s).toEqual(['Gloves', 'Cloves']);
    expect(closestGoods(index, 'gloves', 0)).toEqual([]);
    expect(closestGoods(index, '  !! ', 3)).toEqual([]);
    const keys = closestGoods(index, 'palm', 5).map((t) => resolveGood(index, t).key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('storedGoodKeys and goodFilterKeys', () => {
  it('stores one matched key per good', () => {
    expect(
      storedGoodKeys(index, [
        'Crude Palm Oil',
        'palm',
        'cotton t-shirts',
        'Widgets',
        '!!!',
        'organic cotton',
      ]),
    ).toEqual(['palm', 'garment', 'widget', 'cotton']);
  });

  it.each([
    ['palm', ['Crude palm oil', 'Palm Fruit'], ['palm thatch']],
    ['tomatoes', ['tomato paste'], ['sweet potatoes']],
    ['gems', ['rubies', 'Diamonds', 'gems'], ['glass']],
    ['rubies', ['rubies', 'gemstones'], ['emeralds']],
    ['gloves', ['rubber gloves', 'cotton gloves'], ['cloves']],
    ['garments', ['cotton t-shirts', 'apparel'], ['cotton']],
    ['widgets', ['widget'], ['gadgets']],
  ])('filter %j finds %j, not %j', (filter, finds, misses) => {
    const wanted = new Set(goodFilterKeys(index, filter));
    const hit = (good: string) => storedGoodKeys(index, [good]).some((k) => wanted.has(k));
    for (const g of finds) expect(hit(g), g).toBe(true);
    for (const g of misses) expect(hit(g), g).toBe(false);
  });

  it('has no keys for text without words', () => {
    expect(goodFilterKeys(index, ' -- ')).toEqual([]);
  });
});
