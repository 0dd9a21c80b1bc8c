import { resolveGood } from './goods.js';
import type { RefIndex } from './reference-index.js';

/**
 * What a supplier stores for its goods (`suppliers.good_keys`): each good's matched key, once ("crude palm
 * oil" and "palm" → "palm"; "cotton t-shirts" → "garment"; "widgets", not recognised → "widget"). Depends on
 * the goods synonym table: stored keys carry GOODS_SYNONYMS_VERSION and are recomputed when it moves.
 */
export const storedGoodKeys = (index: RefIndex, goods: readonly string[]): string[] => {
  const keys = new Set<string>();
  for (const g of goods) {
    const { key } = resolveGood(index, g);
    if (key !== '') keys.add(key);
  }
  return [...keys];
};

/**
 * The stored keys a "good" filter finds: the matched key of the text and the listed goods it stands for
 * ("palm" → palm; "gems" → gem, diamond, ruby…; "rubies" → ruby and the general "gem"). Empty for text that
 * has no key (only punctuation).
 */
export const goodFilterKeys = (index: RefIndex, text: string): string[] => {
  const { key, members } = resolveGood(index, text);
  if (key === '') return [];
  return [...new Set([key, ...(members ?? [])])];
};
